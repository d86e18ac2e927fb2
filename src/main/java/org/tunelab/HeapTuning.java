package org.tunelab;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import org.tunelab.kernel.Kernels;

/**
 * Lets the server's JVM give memory back after a busy spell. A burst of students (a class starting a lesson
 * together) grows the server's heap; G1 keeps what it grew unless it collects while idle, which it does only when
 * asked to (JEP 346). These flags are "manageable", so the server sets them on itself: the README's command stays
 * {@code java -jar}, without JVM options.
 *
 * <p>Measured with the load command (50 students; figures in the README, "Deploying for a class"): without them the server JVM kept 2.6 GB
 * after the students went quiet.
 */
final class HeapTuning {
    /** A collection after 15 s without one, and a heap shrunk to at most 30% free after it. */
    static final Map<String, String> FLAGS = Map.of(
            "G1PeriodicGCInterval", "15000",
            "MinHeapFreeRatio", "10",
            "MaxHeapFreeRatio", "30");

    /** Quiet this long (no cell running; idle kernels trimmed by then), the server collects once. */
    static final Duration QUIET = Kernels.TRIM_AFTER.plusSeconds(10);

    private HeapTuning() {
    }

    /**
     * Once the server has been quiet for {@link #QUIET} after some runs, collects the heap in full, once: G1's own
     * idle collection is concurrent and leaves most of what trimmed kernels dropped in place (measured: 1.1 GB used
     * of 1.5 GB committed for 100 kernels 50 s after their last runs; 510 MB of 745 MB after a full collection).
     * The pause (about half a second for 100 kernels) falls when nobody is running anything.
     */
    static void collectWhenQuiet(Kernels kernels) {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                task -> {
                    Thread thread = new Thread(task, "heap-quiet-collector");
                    thread.setDaemon(true);
                    return thread;
                });
        java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // The runs counted, and the heap in use, at the last collection here.
        long[] last = {0, 0};
        timer.scheduleWithFixedDelay(() -> {
            long runs = kernels.runsEnded();
            long used = memory.getHeapMemoryUsage().getUsed();
            // New runs, or garbage from elsewhere (exercise checks, pages) grown by half since the last collection.
            boolean worth = runs != last[0] || used > last[1] + last[1] / 2 + (64 << 20);
            if (worth && kernels.quietFor().compareTo(QUIET) >= 0) {
                System.gc();
                last[0] = runs;
                last[1] = memory.getHeapMemoryUsage().getUsed();
            }
        }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Sets {@link #FLAGS}; returns a sentence for the log saying what was set, or why not. */
    static String apply() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // Min before max: the JVM refuses a minimum above the current maximum.
            vm.setVMOption("MinHeapFreeRatio", FLAGS.get("MinHeapFreeRatio"));
            vm.setVMOption("MaxHeapFreeRatio", FLAGS.get("MaxHeapFreeRatio"));
            vm.setVMOption("G1PeriodicGCInterval", FLAGS.get("G1PeriodicGCInterval"));
            return "Heap: idle collections after 15 s give memory back (" + FLAGS + ").";
        } catch (RuntimeException e) {
            // Another collector, or a JVM without these flags: the server runs as before.
            return "Heap: memory is not given back when idle (" + e.getMessage() + ").";
        }
    }
}
