package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The pool of ready kernels refills when the machine has room, and the warm-up leaves no kernel behind. */
class KernelPoolTest {
    private static final KernelConfig CONFIG = KernelConfig.defaults().withStartupSnippets(List.of()).withPoolSize(1);

    private static boolean within(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aRefillWaitsWhileStudentsKeepTheMachineBusy() throws Exception {
        AtomicBoolean busy = new AtomicBoolean(false);
        try (KernelPool pool = new KernelPool(CONFIG)) {
            pool.yieldWhile(busy::get);
            assertTrue(within(Duration.ofSeconds(30), () -> pool.ready() == 1), "filled while idle");
            busy.set(true);
            pool.take().close();
            Thread.sleep(3000); // a kernel starts in well under a second here
            assertEquals(0, pool.ready(), "no replacement started while busy");
            busy.set(false);
            assertTrue(within(Duration.ofSeconds(30), () -> pool.ready() == 1), "refilled once the machine was free");
        }
    }

    @Test
    void preparedKernelsAreNotReplacedOnceTakenAndUnusedOnesAreClosed() throws Exception {
        try (KernelPool pool = new KernelPool(CONFIG)) {
            assertEquals(2, pool.prepare(2, 3));
            assertEquals(1, pool.prepare(5, 3), "at most 3 beyond the pool's size");
            assertTrue(within(Duration.ofSeconds(60), () -> pool.ready() == 4), "1 + 3 ready: " + pool.ready());
            pool.take().close();
            pool.take().close();
            Thread.sleep(2000);
            assertEquals(2, pool.ready(), "two prepared kernels were taken and not replaced");
            assertEquals(0, pool.forgetPrepared(Duration.ofHours(1)), "asked for just now: kept");
            assertEquals(1, pool.forgetPrepared(Duration.ZERO), "the unused prepared kernel is closed");
            assertEquals(1, pool.ready(), "the pool's own size stays");
        }
    }

    @Test
    void aPreparedKernelGivenUpIsNotStartedOrIsClosed() throws Exception {
        AtomicBoolean busy = new AtomicBoolean(false);
        try (KernelPool pool = new KernelPool(CONFIG)) {
            pool.yieldWhile(busy::get);
            assertTrue(within(Duration.ofSeconds(30), () -> pool.ready() == 1), "filled while idle");
            busy.set(true);
            assertEquals(1, pool.prepare(1, 3)); // waits for the busy machine
            pool.unprepare();
            busy.set(false);
            Thread.sleep(3000);
            assertEquals(1, pool.ready(), "the given-up kernel was not started");

            assertEquals(2, pool.prepare(2, 3));
            assertTrue(within(Duration.ofSeconds(60), () -> pool.ready() == 3), "1 + 2 ready: " + pool.ready());
            pool.unprepare();
            assertEquals(2, pool.ready(), "a ready one beyond what the pool still wants is closed");
            pool.unprepare();
            pool.unprepare(); // more than were asked for: the pool's own kernel stays
            assertEquals(1, pool.ready());
        }
    }

    @Test
    void kernelsAskedForFromManyThreadsAtOnceAreAllStartedAndNoMore() throws Exception {
        try (KernelPool pool = new KernelPool(CONFIG)) {
            List<Thread> students = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String who = "student-" + i;
                students.add(new Thread(() -> pool.expect(who)));
            }
            students.forEach(Thread::start);
            for (Thread student : students) {
                student.join();
            }
            assertEquals(6, pool.expected());
            assertTrue(within(Duration.ofSeconds(60), () -> pool.ready() == 7), "1 + 6 ready: " + pool.ready());
            Thread.sleep(1000);
            assertEquals(7, pool.ready(), "no more than asked for");
            assertEquals(0, pool.starting(), "none still starting");
        }
    }

    @Test
    void theWarmUpRunsItsCellInEachKernelAndClosesThem() throws Exception {
        long before = ProcessHandle.current().descendants().count();
        Warmup.start(KernelConfig.defaults(), 2).get(120, TimeUnit.SECONDS);
        assertTrue(within(Duration.ofSeconds(10), () -> ProcessHandle.current().descendants().count() <= before),
                "no kernel left running");
        try (Kernel kernel = Kernel.start(KernelConfig.defaults())) {
            RunResult result = kernel.run(Warmup.CELL);
            assertEquals(RunStatus.OK, result.status(), "the warm-up cell compiles and runs: " + result);
            assertTrue(result.value().contains("(0, 0) (1, 2) (2, 4)"), result.value());
        }
    }
}
