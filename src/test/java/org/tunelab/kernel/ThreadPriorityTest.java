package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Background work (exercise checks' compiles, housekeeping) runs at a lower CPU priority than students' runs. */
class ThreadPriorityTest {
    @Test
    void aThreadLowersItsOwnPriorityAndNoOtherThreads() throws Exception {
        int before = ThreadPriority.ofCurrent();
        assumeTrue(before < ThreadPriority.BACKGROUND, "the test JVM already runs at nice " + before);
        AtomicInteger lowered = new AtomicInteger(-1);
        Thread thread = new Thread(() -> {
            try {
                assertTrue(ThreadPriority.lowerCurrent(ThreadPriority.BACKGROUND), "lowerCurrent said it failed");
                lowered.set(ThreadPriority.ofCurrent());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        thread.start();
        thread.join(10_000);
        assertEquals(ThreadPriority.BACKGROUND, lowered.get(), "the lowered thread's nice value");
        assertEquals(before, ThreadPriority.ofCurrent(), "the thread that asked for nothing keeps its priority");
    }

    @Test
    void threadsWorkingForBackgroundKernelsAloneAreLowered() throws Exception {
        int before = ThreadPriority.ofCurrent();
        assumeTrue(before < ThreadPriority.BACKGROUND, "the test JVM already runs at nice " + before);
        assertEquals(ThreadPriority.BACKGROUND, niceOfAThreadRunning(KernelConfig.defaults().withBackground(true)));
        assertEquals(before, niceOfAThreadRunning(KernelConfig.defaults()));
    }

    private static int niceOfAThreadRunning(KernelConfig kernels) throws InterruptedException {
        AtomicInteger nice = new AtomicInteger(-1);
        Thread thread = new Thread(ThreadPriority.forKernels(kernels, () -> {
            try {
                nice.set(ThreadPriority.ofCurrent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        thread.start();
        thread.join(10_000);
        return nice.get();
    }

    @Test
    void aBackgroundKernelsCompilesRunOnLowerPriorityThreads() throws Exception {
        int before = ThreadPriority.ofCurrent();
        assumeTrue(before < ThreadPriority.BACKGROUND, "the test JVM already runs at nice " + before);
        assertEquals(ThreadPriority.BACKGROUND, CompilerThreads.call(ThreadPriority::ofCurrent, 10_000, true),
                "a background kernel's compile thread");
        assertEquals(before, CompilerThreads.call(ThreadPriority::ofCurrent, 10_000, false),
                "a lesson kernel's compile thread");
        assertEquals(ThreadPriority.BACKGROUND, CompilerThreads.call(ThreadPriority::ofCurrent, 10_000, true),
                "a background compile thread used again");
    }
}
