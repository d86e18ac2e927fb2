package org.tunelab.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The kernels of the server: one per key (e.g. {@code studentId + "/" + lessonSlug}), taken from a
 * {@link KernelPool} on a key's first run, closed after {@link KernelConfig#idleTimeout()} without runs.
 * Thread-safe: runs on one key are serialised, runs on different keys proceed at once.
 */
public final class Kernels implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Kernels.class.getName());
    private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";

    private final KernelConfig config;
    private final KernelPool pool;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService evictor;

    /** How often idle kernels are checked for threads left running by a cell. */
    private static final Duration CPU_CHECK = Duration.ofSeconds(1);
    /** Idle checks in a row using more than half a core after which the kernel is closed. */
    private static final int HOT_CHECKS = 3;

    /** A key's place: its lock serialises the key's runs and keeps eviction away from a running kernel. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile Kernel kernel;
        volatile boolean removed;
        /** Why the key's kernel was closed by this registry, told with the next run; guarded by lock. */
        String replacedBecause;
        // The idle CPU check's last sample; guarded by lock.
        long sampledPid = -1;
        long sampledCpuNanos;
        int hotChecks;
    }

    public Kernels(KernelConfig config) {
        this(config, true);
    }

    /** With {@code evictOnSchedule} false only explicit {@link #evictIdle()} calls evict (for tests). */
    Kernels(KernelConfig config, boolean evictOnSchedule) {
        this.config = config;
        this.pool = new KernelPool(config);
        this.evictor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kernel-evictor");
            thread.setDaemon(true);
            return thread;
        });
        evictor.scheduleWithFixedDelay(() -> {
            try {
                stopIdleSpinners();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "kernels: idle CPU check failed", e);
            }
        }, CPU_CHECK.toMillis(), CPU_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        if (!evictOnSchedule) {
            return;
        }
        long period = Math.max(100, Math.min(config.idleTimeout().toMillis() / 2, Duration.ofMinutes(1).toMillis()));
        evictor.scheduleWithFixedDelay(() -> {
            try {
                evictIdle();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "kernels: idle eviction failed", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    public RunResult run(String key, String code) {
        return run(key, code, null);
    }

    /**
     * Runs a cell in the key's kernel, starting one if the key has none. Never throws for the student's code or
     * for a kernel that cannot start: those are results with status ERROR and a message.
     */
    public RunResult run(String key, String code, OutputListener listener) {
        long started = System.nanoTime();
        while (true) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            slot.lock.lock();
            try {
                if (slot.removed) {
                    continue; // evicted or restarted while we waited: use the key's new slot
                }
                String lost = null;
                if (slot.kernel == null) {
                    try {
                        slot.kernel = pool.take();
                    } catch (KernelException e) {
                        return RunResult.failed("Could not start a Java kernel: " + e.getMessage(),
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    }
                    if (slot.replacedBecause != null) {
                        lost = "A fresh kernel was started because " + slot.replacedBecause
                                + "; earlier definitions are gone.";
                        slot.replacedBecause = null;
                    }
                }
                RunResult result = slot.kernel.run(code, listener);
                if (result.exception() != null && OUT_OF_MEMORY.equals(result.exception().type())) {
                    // Whatever filled the heap, the threads or the address space is likely still held (a variable,
                    // sleeping threads); a fresh kernel is the only sure way to make the next run work.
                    slot.kernel.close();
                    slot.kernel = null;
                    slot.replacedBecause = "the previous one ran out of memory or threads";
                    result = withMessage(result, "The kernel ran out of memory or threads (" + result.exception().message()
                            + "), so it was closed; the next run starts a fresh one without earlier definitions.", false);
                }
                return lost == null ? result : withMessage(result, lost, true);
            } catch (IllegalStateException closedUnderUs) {
                if (!slot.removed) {
                    throw closedUnderUs;
                }
                // restart(key) or close() closed the kernel just as this run began; retry on a fresh slot.
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /** Closes the key's kernel, ending a run in progress; the key's next run starts a fresh kernel. */
    public void restart(String key) {
        Slot slot = slots.remove(key);
        if (slot != null) {
            slot.removed = true;
            Kernel kernel = slot.kernel;
            if (kernel != null) {
                kernel.close();
            }
        }
    }

    /** Stops the key's run in progress, if any. */
    public void stop(String key) {
        Slot slot = slots.get(key);
        Kernel kernel = slot == null ? null : slot.kernel;
        if (kernel != null) {
            kernel.stop();
        }
    }

    /** Closes kernels without a run for {@link KernelConfig#idleTimeout()}; returns how many. Runs on a schedule too. */
    public int evictIdle() {
        Instant cutoff = Instant.now().minus(config.idleTimeout());
        int evicted = 0;
        for (Map.Entry<String, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            if (!slot.lock.tryLock()) {
                continue; // running now, so not idle
            }
            try {
                Kernel kernel = slot.kernel;
                if (kernel != null && kernel.lastUsed().isBefore(cutoff) && slots.remove(entry.getKey(), slot)) {
                    slot.removed = true;
                    kernel.close();
                    evicted++;
                }
            } finally {
                slot.lock.unlock();
            }
        }
        return evicted;
    }

    /**
     * Closes idle kernels whose child keeps using CPU after its cell ended (a thread the cell started, spinning):
     * left alone it would take a core from everyone until the kernel's CPU limit. Runs every second.
     */
    void stopIdleSpinners() {
        for (Map.Entry<String, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            if (!slot.lock.tryLock()) {
                continue; // running: the run's time limit applies
            }
            try {
                Kernel kernel = slot.kernel;
                if (kernel == null || !kernel.isAlive()) {
                    continue;
                }
                long pid = kernel.pid();
                long cpu = cpuNanos(pid);
                boolean hot = slot.sampledPid == pid && cpu - slot.sampledCpuNanos > CPU_CHECK.toNanos() / 2;
                slot.hotChecks = hot ? slot.hotChecks + 1 : 0;
                slot.sampledPid = pid;
                slot.sampledCpuNanos = cpu;
                if (slot.hotChecks >= HOT_CHECKS) {
                    LOG.log(System.Logger.Level.INFO, "kernels: closing " + entry.getKey() + ": busy while idle");
                    kernel.close();
                    slot.kernel = null;
                    slot.hotChecks = 0;
                    slot.replacedBecause = "a thread your code started kept using the CPU after its cell ended";
                }
            } catch (RuntimeException e) {
                // the child ended between the checks: nothing to stop
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /** CPU time of a process and all its descendants (the sandbox's wrappers and the JVM). */
    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid)
                .map(process -> java.util.stream.Stream.concat(java.util.stream.Stream.of(process), process.descendants())
                        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                        .sum())
                .orElse(0L);
    }

    private static RunResult withMessage(RunResult r, String sentence, boolean lost) {
        String message = r.message() == null ? sentence : lost ? sentence + " " + r.message() : r.message() + " " + sentence;
        return new RunResult(r.status(), r.stdout(), r.stderr(), r.value(), r.diagnostics(), r.exception(), r.elapsedMs(),
                r.truncated(), r.stateLost() || lost, message);
    }

    /** How many keys have a kernel. */
    public int size() {
        return (int) slots.values().stream().filter(slot -> slot.kernel != null).count();
    }

    /** Closes every kernel and the pool; runs in progress end with status DIED. */
    @Override
    public void close() {
        evictor.shutdownNow();
        pool.close();
        for (String key : slots.keySet()) {
            restart(key);
        }
    }
}
