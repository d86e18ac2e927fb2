package org.tunelab.kernel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of process trees (a kernel is its sandbox's wrappers and, under them, its JVM), for many trees from one
 * pass over the process table. {@link ProcessHandle#descendants()} reads the whole table on every call: asked once
 * per kernel every second, 50 kernels' 150 processes cost the server 2.5 CPU seconds in a 34-second class start
 * (measured), and the cost grows with the square of the kernels.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /**
     * Each root's CPU time in nanoseconds, summed over it and every process under it; a root that has ended is
     * missing from the answer.
     */
    static Map<Long, Long> ofTrees(Collection<Long> roots) {
        Map<Long, Long> cpu = new HashMap<>();
        if (roots.isEmpty()) {
            return cpu;
        }
        Map<Long, List<ProcessHandle>> children = new HashMap<>();
        Map<Long, ProcessHandle> byPid = new HashMap<>();
        ProcessHandle.allProcesses().forEach(process -> {
            byPid.put(process.pid(), process);
            process.parent().ifPresent(parent -> children.computeIfAbsent(parent.pid(), p -> new ArrayList<>()).add(process));
        });
        for (long root : roots) {
            ProcessHandle top = byPid.get(root);
            if (top == null) {
                continue;
            }
            long sum = 0;
            Deque<ProcessHandle> todo = new ArrayDeque<>(List.of(top));
            while (!todo.isEmpty()) {
                ProcessHandle process = todo.pop();
                sum += process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
                todo.addAll(children.getOrDefault(process.pid(), List.of()));
            }
            cpu.put(root, sum);
        }
        return cpu;
    }
}
