package org.tunelab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU went while {@code load}'s students ran, read from Linux's {@code /proc}: how busy the whole machine
 * was, how much of that was this JVM (the server, with {@code load}'s client in it), and this JVM's part by what its
 * threads do. What a machine can serve is its cores' seconds divided by what a student costs; this says what they
 * cost and on what. Elsewhere than Linux there is nothing to read, and {@link #take} answers null.
 */
final class CpuUse {
    /** Clock ticks of {@code /proc/stat} and {@code /proc/self/stat}: 100 a second on every Linux that Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** What a thread does, told by the name Linux keeps of it (its first 15 characters), in the order printed. */
    private static final Map<String, List<String>> KINDS = kinds();

    private static Map<String, List<String>> kinds() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("compiling students' code", List.of("kernel-compiler"));
        kinds.put("JIT", List.of("C1 CompilerThre", "C2 CompilerThre"));
        kinds.put("web", List.of("JettyServerThre"));
        kinds.put("garbage collection", List.of("GC Thread", "G1 ", "VM Thread"));
        kinds.put("load's client", List.of("HttpClient", "load-"));
        return kinds;
    }

    /** A reading, times in nanoseconds: the machine's busy time and its cores, this JVM's, each live thread's. */
    record Snapshot(long nanoTime, long machineBusy, int cores, long self, Map<Long, ThreadTime> threads) {
    }

    /** A thread's kind ({@link #kindOf}) and CPU time so far. */
    record ThreadTime(String kind, long nanos) {
    }

    private CpuUse() {
    }

    /** Reads the machine's and this JVM's CPU time now; null where {@code /proc} cannot be read. */
    static Snapshot take() {
        try {
            String stat = Files.readString(Path.of("/proc/stat"));
            long busy = machineBusyTicks(stat) * NANOS_PER_TICK;
            int cores = (int) stat.lines().filter(line -> line.matches("cpu\\d+ .*")).count();
            long self = selfTicks(Files.readString(Path.of("/proc/self/stat"))) * NANOS_PER_TICK;
            Map<Long, ThreadTime> threads = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String kind = kindOf(Files.readString(task.resolve("comm")).strip());
                        long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                        threads.put(Long.parseLong(task.getFileName().toString()), new ThreadTime(kind, nanos));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended while being read: its time shows in "other"
                    }
                }
            }
            return new Snapshot(System.nanoTime(), busy, cores, self, threads);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The kind a thread's name says, or "other". */
    static String kindOf(String threadName) {
        for (Map.Entry<String, List<String>> kind : KINDS.entrySet()) {
            if (kind.getValue().stream().anyMatch(threadName::startsWith)) {
                return kind.getKey();
            }
        }
        return "other";
    }

    /** All CPU ticks of {@code /proc/stat}'s first line but idle and waiting for I/O. */
    static long machineBusyTicks(String procStat) {
        String[] f = procStat.lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy;
    }

    /** User and system ticks of a {@code /proc/PID/stat} line (all its threads, ended ones too). */
    static long selfTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15, counted from the state (field 3)
    }

    /**
     * This JVM's CPU time between two readings by kind of thread, in nanoseconds, every kind present; "other" is the
     * rest of the JVM's time, threads that ended between the readings included.
     */
    static Map<String, Long> byKind(Snapshot before, Snapshot after) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        KINDS.keySet().forEach(kind -> byKind.put(kind, 0L));
        long named = 0;
        for (Map.Entry<Long, ThreadTime> thread : after.threads().entrySet()) {
            ThreadTime then = before.threads().get(thread.getKey());
            long used = thread.getValue().nanos() - (then == null ? 0 : then.nanos());
            if (!thread.getValue().kind().equals("other")) {
                byKind.merge(thread.getValue().kind(), used, Long::sum);
                named += used;
            }
        }
        byKind.put("other", Math.max(0, after.self() - before.self() - named));
        return byKind;
    }

    /**
     * Three lines on what was used between two readings: the machine against what its cores had, this JVM by kind of
     * thread ({@link #byKind}), and the rest (kernels' JVMs and their sandboxes, and anything else the machine ran).
     */
    static String report(Snapshot before, Snapshot after) {
        int cores = after.cores();
        double wall = (after.nanoTime() - before.nanoTime()) / 1e9;
        double machine = (after.machineBusy() - before.machineBusy()) / 1e9;
        double self = (after.self() - before.self()) / 1e9;
        StringBuilder parts = new StringBuilder();
        byKind(before, after).forEach((kind, nanos) -> parts.append(parts.isEmpty() ? "" : ", ")
                .append(String.format("%s %.1f", kind, nanos / 1e9)));
        return String.format("CPU while the students ran: the machine %.1f s of the %.1f s its %d cores had (%.0f%%)%n"
                        + "  the server's JVM (load's client in it) %.1f s: %s%n"
                        + "  the rest (kernels' JVMs and their sandboxes, and anything else running) %.1f s",
                machine, wall * cores, cores, 100 * machine / (wall * cores), self, parts, Math.max(0, machine - self));
    }

    /** One line on what starting these kernels cost, each: the server's JVM, and the whole machine. */
    static String perKernel(Snapshot before, Snapshot after, int kernels) {
        return String.format("CPU per kernel started: the server's JVM %.2f s, the machine %.2f s (%d kernels)",
                (after.self() - before.self()) / 1e9 / kernels,
                (after.machineBusy() - before.machineBusy()) / 1e9 / kernels, kernels);
    }
}
