package org.tunelab.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds idle kernels whose JVM keeps using CPU after its cell ended (a thread the cell started, spinning): left alone,
 * one would take a core from everyone until the kernel's CPU limit. {@link Kernels} asks every {@link #EVERY} with the
 * kernels idle at that moment, and closes those named. Each check reads the process table once for all kernels
 * ({@link ProcessCpu#ofTrees}). Not thread-safe: one caller at a time.
 */
final class Spinners {
    /** How often idle kernels are checked. */
    static final Duration EVERY = Duration.ofSeconds(1);
    /** Checks in a row at which a kernel used more than half a core, after which it is named. */
    static final int HOT_CHECKS = 3;

    /** A kernel's CPU time at the last check, and how many checks in a row found it hot. */
    private record Sample(long pid, long cpuNanos, int hotChecks) {
    }

    private final Map<String, Sample> samples = new HashMap<>();

    /**
     * @param idle    the kernels idle now, by key: alive, not running, and not allowed to be busy between cells
     * @param running the keys whose kernels are running now: their count goes on at the next check; any other key
     *                not in {@code idle} starts counting afresh
     * @return the keys of the idle kernels that were hot at each of the last {@link #HOT_CHECKS} checks
     */
    List<String> spinning(Map<String, Kernel> idle, Set<String> running) {
        samples.keySet().removeIf(key -> !idle.containsKey(key) && !running.contains(key));
        Map<String, Long> pids = new HashMap<>();
        idle.forEach((key, kernel) -> {
            try {
                pids.put(key, kernel.pid());
            } catch (RuntimeException e) {
                samples.remove(key); // the child ended meanwhile: nothing to check
            }
        });
        Map<Long, Long> cpu = ProcessCpu.ofTrees(pids.values());
        List<String> spinning = new ArrayList<>();
        pids.forEach((key, pid) -> {
            Long now = cpu.get(pid);
            if (now == null) {
                samples.remove(key); // ended between the checks
                return;
            }
            Sample last = samples.get(key);
            boolean hot = last != null && last.pid() == pid && now - last.cpuNanos() > EVERY.toNanos() / 2;
            int hotChecks = hot ? last.hotChecks() + 1 : 0;
            if (hotChecks >= HOT_CHECKS) {
                spinning.add(key);
                samples.remove(key);
            } else {
                samples.put(key, new Sample(pid, now, hotChecks));
            }
        });
        return spinning;
    }
}
