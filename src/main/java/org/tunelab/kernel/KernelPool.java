package org.tunelab.kernel;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pre-started kernels, so that a lesson's first run does not wait for a JVM to start. {@link #take()} hands one
 * out and starts a replacement in the background; with none ready it starts one on the caller's thread.
 * Thread-safe.
 */
public final class KernelPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KernelPool.class.getName());

    private final KernelConfig config;
    private final BlockingDeque<Kernel> ready = new LinkedBlockingDeque<>();
    private final AtomicInteger starting = new AtomicInteger();
    private final ExecutorService starter;
    private volatile boolean closed;
    private volatile java.util.function.BooleanSupplier busy = () -> false;
    /** The longest a refill waits for a busy server: the pool still refills, one kernel per this, while it is busy. */
    static final long MOST_YIELD_MS = 10_000;
    /** Kernels asked for beyond the pool's size ({@link #prepare}), not replaced once taken. */
    private final AtomicInteger extra = new AtomicInteger();
    private volatile long preparedAt;

    /** Starts filling the pool up to {@link KernelConfig#poolSize()} in the background. */
    public KernelPool(KernelConfig config) {
        this.config = config;
        this.starter = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "kernel-pool-starter");
            thread.setDaemon(true);
            return thread;
        });
        refill();
    }

    /**
     * A started kernel with the start-up snippets evaluated; the caller owns it and must close it.
     *
     * @throws KernelException if none was ready and a new one could not be started
     */
    public Kernel take() {
        return take(null);
    }

    /**
     * As {@link #take()}, running {@code starting} (may be null) first when no kernel is ready and one is started on
     * the caller's thread: the caller can tell whoever waits why.
     */
    public Kernel take(Runnable starting) {
        if (closed) {
            throw new IllegalStateException("kernel pool: take after close");
        }
        Kernel kernel;
        while ((kernel = ready.poll()) != null) {
            extra.getAndUpdate(n -> Math.max(0, n - 1)); // a prepared kernel is not replaced
            if (kernel.isAlive()) {
                refill();
                return kernel;
            }
            kernel.close();
        }
        refill();
        if (starting != null) {
            starting.run();
        }
        return Kernel.start(config);
    }

    /**
     * Refills wait (up to {@value #MOST_YIELD_MS} ms each) while {@code busy} says the machine is busy with students'
     * runs: when a class starts together and takes the ready kernels, starting their replacements at once would take
     * the cores from the students' own first runs and checks (measured with 50 ready kernels on 2 cores: checks'
     * p95 48.8 s with the refill competing).
     */
    public void yieldWhile(java.util.function.BooleanSupplier busy) {
        this.busy = busy;
    }

    /**
     * Gets {@code kernels} more ready than the pool's size, once (a class is about to start): they are started in
     * the background as the machine has room, and not replaced when taken. At most {@code most} are asked for
     * beyond the pool's size in all.
     *
     * @return how many more this asked for (0 when the limit is reached)
     */
    public int prepare(int kernels, int most) {
        int before = extra.get();
        int after = extra.updateAndGet(n -> Math.min(most, n + Math.max(0, kernels)));
        preparedAt = System.nanoTime();
        refill();
        return after - before;
    }

    /** Closes prepared kernels nobody took within {@code unused} of being asked for; the pool's own size stays. */
    public int forgetPrepared(java.time.Duration unused) {
        if (extra.get() == 0 || System.nanoTime() - preparedAt < unused.toNanos()) {
            return 0;
        }
        extra.set(0);
        int closed = 0;
        Kernel kernel;
        while (ready.size() > config.poolSize() && (kernel = ready.pollLast()) != null) {
            kernel.close();
            closed++;
        }
        return closed;
    }

    /** How many kernels are ready now. */
    public int ready() {
        return ready.size();
    }

    @Override
    public void close() {
        closed = true;
        starter.shutdownNow();
        Kernel kernel;
        while ((kernel = ready.poll()) != null) {
            kernel.close();
        }
    }

    private void refill() {
        while (!closed && ready.size() + starting.get() < config.poolSize() + extra.get()) {
            starting.incrementAndGet();
            try {
                starter.execute(this::startOne);
            } catch (RejectedExecutionException e) {
                starting.decrementAndGet();
                return; // closing
            }
        }
    }

    private void startOne() {
        try {
            long waitUntil = System.currentTimeMillis() + MOST_YIELD_MS;
            while (!closed && busy.getAsBoolean() && System.currentTimeMillis() < waitUntil) {
                Thread.sleep(100);
            }
            if (closed) {
                return;
            }
            Kernel kernel = Kernel.start(config);
            ready.add(kernel);
            if (closed && ready.remove(kernel)) {
                kernel.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        } catch (RuntimeException | InternalError e) {
            // take() starts kernels itself when none are ready, and says why if that fails too. InternalError:
            // javac inside JShell, seen when the pool is closed while a kernel is starting. A pool closed meanwhile
            // has nothing to report: its server is gone, and with it, perhaps, the kernels' class path.
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "kernel pool: could not pre-start a kernel", e);
            }
        } finally {
            starting.decrementAndGet();
        }
    }
}
