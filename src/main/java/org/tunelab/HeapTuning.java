package org.tunelab;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tunelab.kernel.Kernels;
import org.tunelab.web.Server;

/**
 * Lets the server's JVM give memory back after a busy spell. A burst of students (a class starting a lesson
 * together) grows the server's heap, and G1 keeps what it grew unless it collects while idle. Two measures, both
 * set up by {@link #start}, so that the README's command stays {@code java -jar}, without JVM options:
 * <ul>
 *   <li>G1's "manageable" flags, set by the server on itself: a periodic collection after 15 s without one (JEP
 *       346), and a heap shrunk to at most 30% free after a collection.</li>
 *   <li>One full collection once the server has been quiet for {@link #QUIET}. G1's periodic collection is
 *       concurrent and leaves most of what trimmed kernels dropped in place (measured: 1.1 GB used of 1.5 GB
 *       committed for 100 kernels 50 s after their last runs; 510 MB of 745 MB after a full collection). The
 *       pause, about half a second for 100 kernels, falls when nobody is running anything. Never while kernels are
 *       being started: a class's kernels prepared ahead grow the heap with what they keep, not with garbage, and
 *       collecting for that growth every few seconds (measured: two to four full collections of 0.45-1.4 s each
 *       while 100 kernels started) took CPU from the starts ({@link QuietRule}).</li>
 * </ul>
 * Measured with the load command: without them, the server JVM kept 2.6 GB for 50 students after they went quiet,
 * and 5.8 GB for 200; with them, 0.66 GB and 2.1 GB (figures in the README, "Deploying for a class").
 */
final class HeapTuning {
    /** Quiet this long (no cell running; idle kernels trimmed by then), the server collects once. */
    static final Duration QUIET = Kernels.TRIM_AFTER.plusSeconds(10);
    /** Garbage from elsewhere (exercise checks, pages) that is worth a quiet collection on its own. */
    private static final long GROWTH_BYTES = 64L << 20;

    private HeapTuning() {
    }

    /** Sets the flags and starts the quiet collector for {@code server}; returns a sentence for the log. */
    static String start(Server server) {
        Kernels kernels = server.kernels();
        String flags = setFlags();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heap-quiet-collector");
            thread.setDaemon(true);
            return thread;
        });
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        QuietRule rule = new QuietRule();
        timer.scheduleWithFixedDelay(() -> {
            long runs = kernels.runsEnded();
            int starting = kernels.starting() + server.grader().starting();
            if (rule.due(runs, memory.getHeapMemoryUsage().getUsed(), kernels.quietFor(), starting)) {
                System.gc();
                rule.collected(runs, memory.getHeapMemoryUsage().getUsed());
            }
        }, 5, 5, TimeUnit.SECONDS);
        return flags + " After " + QUIET.toSeconds() + " s without runs (and no kernel starting) the server collects once.";
    }

    /** When the quiet collection is due; one timer thread asks it. */
    static final class QuietRule {
        /** The runs counted, and the heap in use, at the last collection (or the most in use while kernels started). */
        private long lastRuns;
        private long lastUsed;

        /**
         * Whether to collect now: runs ended since the last collection, or the heap grew by half plus 64 MB since,
         * and nobody has run anything for {@link #QUIET}; never while kernels are starting ({@code starting}), and
         * what the heap grew to meanwhile counts as kept, not as garbage: else the collection came the moment the
         * last prepared kernel was ready (1 s, freeing a tenth, as a class that had just been told to start
         * opened the lesson).
         */
        boolean due(long runs, long used, Duration quietFor, int starting) {
            if (starting > 0) {
                lastUsed = Math.max(lastUsed, used);
                return false;
            }
            boolean worth = runs != lastRuns || used > lastUsed + lastUsed / 2 + GROWTH_BYTES;
            return worth && quietFor.compareTo(QUIET) >= 0;
        }

        /** A collection was made after {@code runs} runs, leaving {@code used} bytes in use. */
        void collected(long runs, long used) {
            lastRuns = runs;
            lastUsed = used;
        }
    }

    private static String setFlags() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // Min before max: the JVM refuses a minimum above the current maximum.
            vm.setVMOption("MinHeapFreeRatio", "10");
            vm.setVMOption("MaxHeapFreeRatio", "30");
            vm.setVMOption("G1PeriodicGCInterval", "15000");
            return "Heap: a collection after 15 s without one, and at most 30% free after it.";
        } catch (RuntimeException e) {
            // Another collector, or a JVM without these flags: the server runs as before.
            return "Heap: G1's idle flags could not be set (" + e.getMessage() + ").";
        }
    }
}
