package org.tunelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CpuUseTest {
    @Test
    void theMachineIsBusyWhenNotIdleNorWaitingForDisks() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        String stat = "cpu  100 20 30 5000 70 4 5 6 8 9\ncpu0 50 10 15 2500 35 2 2 3 4 4\n";
        assertEquals(100 + 20 + 30 + 4 + 5 + 6, CpuUse.machineBusyTicks(stat));
    }

    @Test
    void aProcessTimeIsReadAfterItsNameWhateverTheNameHolds() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 8 9 20 0 40 0 100 0";
        assertEquals(1234 + 567, CpuUse.selfTicks(stat));
    }

    @Test
    void threadsAreToldByTheirNames() {
        assertEquals("compiling students' code", CpuUse.kindOf("kernel-compiler"));
        assertEquals("JIT", CpuUse.kindOf("C2 CompilerThre"));
        assertEquals("web", CpuUse.kindOf("JettyServerThre"));
        assertEquals("garbage collection", CpuUse.kindOf("G1 Refine#0"));
        assertEquals("load's client", CpuUse.kindOf("HttpClient-1-Wo"));
        assertEquals("other", CpuUse.kindOf("main"));
    }

    @Test
    void theReportSplitsTheServerByKindAndLeavesTheRestToKernels() {
        CpuUse.Snapshot before = new CpuUse.Snapshot(0, 1_000_000_000L, 2, 500_000_000L, Map.of(
                1L, new CpuUse.ThreadTime("compiling students' code", 100_000_000L),
                2L, new CpuUse.ThreadTime("JIT", 0)));
        CpuUse.Snapshot after = new CpuUse.Snapshot(4_000_000_000L, 7_000_000_000L, 2, 4_500_000_000L, Map.of(
                1L, new CpuUse.ThreadTime("compiling students' code", 2_100_000_000L),
                2L, new CpuUse.ThreadTime("JIT", 1_000_000_000L),
                3L, new CpuUse.ThreadTime("web", 500_000_000L))); // a thread new since the first reading

        Map<String, Long> byKind = CpuUse.byKind(before, after);
        assertEquals(2_000_000_000L, byKind.get("compiling students' code"));
        assertEquals(1_000_000_000L, byKind.get("JIT"));
        assertEquals(500_000_000L, byKind.get("web"));
        assertEquals(0L, byKind.get("garbage collection"));
        assertEquals(500_000_000L, byKind.get("other"), "the JVM's 4 s less its named threads' 3.5");
        assertEquals("CPU while the students ran: the machine 6.0 s of the 8.0 s its 2 cores had (75%)%n"
                + "  the server's JVM (load's client in it) 4.0 s: compiling students' code 2.0, JIT 1.0, web 0.5, "
                + "garbage collection 0.0, load's client 0.0, other 0.5%n"
                + "  the rest (kernels' JVMs and their sandboxes, and anything else running) 2.0 s",
                CpuUse.report(before, after).replace(System.lineSeparator(), "%n"));
        assertEquals("CPU per kernel started: the server's JVM 0.40 s, the machine 0.60 s (10 kernels)",
                CpuUse.perKernel(before, after, 10));
    }

    @Test
    void cpuBurnedByAThreadCountsForItsKind() throws Exception {
        CpuUse.Snapshot before = CpuUse.take();
        Assumptions.assumeTrue(before != null, "no /proc to read here");
        CountDownLatch read = new CountDownLatch(1);
        Thread compiler = burn("kernel-compiler-test", 300, read); // alive when read, as a server's are
        burn("someone-else", 300, new CountDownLatch(0)).join(); // ended before the reading
        CpuUse.Snapshot after = CpuUse.take();
        read.countDown();
        compiler.join();

        Map<String, Long> byKind = CpuUse.byKind(before, after);
        assertTrue(byKind.get("compiling students' code") >= 250_000_000L, byKind.toString());
        assertTrue(byKind.get("other") >= 250_000_000L, "an ended thread counts as other: " + byKind);
        assertTrue(after.machineBusy() - before.machineBusy() >= 500_000_000L, "the machine saw both");
        String report = CpuUse.report(before, after);
        assertTrue(report.startsWith("CPU while the students ran: the machine "), report);
        assertTrue(report.matches("(?s).*JVM \\(load's client in it\\) \\d+\\.\\d s: compiling students' code \\d+\\.\\d, .*"),
                report);
    }

    /**
     * A thread of this name, kept busy until it has used this much CPU; returned then, still alive until {@code
     * release}.
     */
    private static Thread burn(String name, long millis, CountDownLatch release) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CountDownLatch burned = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            long x = 0;
            while (threads.getCurrentThreadCpuTime() < millis * 1_000_000L) {
                x += System.nanoTime() % 7;
            }
            burned.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (x == 42) {
                System.out.println(x); // keeps the loop from being optimised away
            }
        }, name);
        thread.start();
        burned.await();
        return thread;
    }
}
