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

    private final KernelConfig config;
    private final KernelPool pool;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService evictor;

    /** A key's place: its lock serialises the key's runs and keeps eviction away from a running kernel. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile Kernel kernel;
        volatile boolean removed;
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
                if (slot.kernel == null) {
                    try {
                        slot.kernel = pool.take();
                        slot.kernel.owner(key);
                    } catch (KernelException e) {
                        return RunResult.failed("Could not start a Java kernel: " + e.getMessage(),
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    }
                }
                return slot.kernel.run(code, listener);
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
