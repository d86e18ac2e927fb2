package org.tunelab;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;

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

    private HeapTuning() {
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
