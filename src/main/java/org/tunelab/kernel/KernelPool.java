package org.tunelab.kernel;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pre-started kernels, so that a lesson's first run does not wait for a JVM to start. {@link #take()} hands one
 * out and starts a replacement in the background; with none ready it starts one on the caller's thread. Beyond the
 * pool's own size, {@link #prepare} starts kernels ahead of a class, and {@link #expect} one ahead of a student who
 * opened a lesson; neither is replaced once taken. Thread-safe.
 */
public final class KernelPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KernelPool.class.getName());

    private final KernelConfig config;
    private final BlockingDeque<Kernel> ready = new LinkedBlockingDeque<>();
    /**
     * Kernels ready or being started: one count, changed when a start is queued and when a kernel leaves {@link
     * #ready} (or its start fails or is given up), never when a started kernel joins it. Two counts, ready and
     * starting, were briefly both counting a kernel that had just started, and a refill that looked then started
     * one fewer than wanted (seen: a class's 50 prepared kernels came out one short, never filled).
     */
    private final AtomicInteger have = new AtomicInteger();
    private final ExecutorService starter;
    private volatile boolean closed;
    private volatile java.util.function.BooleanSupplier busy = () -> false;
    /** The longest a refill waits for a busy server: the pool still refills, one kernel per this, while it is busy. */
    static final long MOST_YIELD_MS = 10_000;
    /** Kernels asked for beyond the pool's size ({@link #prepare}), not replaced once taken. */
    private final AtomicInteger extra = new AtomicInteger();
    private volatile long preparedAt = System.nanoTime();
    /**
     * Kernels started at once in the background: a start is half the server's JShell set-up and half the child JVM's,
     * one after the other, so one thread used one core (measured: a class's 50 lesson and 50 grading kernels, one
     * thread each, were not all ready after 20 s on 2 cores).
     */
    static final int STARTERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Students expected at once ({@link #expect}): about a class. Bounds what page views alone can make it start. */
    public static final int MOST_EXPECTED = 50;
    /** Students expected ({@link #expect}) until they take a kernel or the idle timeout passes. */
    private final Expectations expected;

    /** Starts filling the pool up to {@link KernelConfig#poolSize()} in the background. */
    public KernelPool(KernelConfig config) {
        this.config = config;
        this.expected = new Expectations(MOST_EXPECTED, config.idleTimeout());
        this.starter = Executors.newFixedThreadPool(STARTERS, task -> {
            // starts of background kernels give way to runs too
            Thread thread = new Thread(ThreadPriority.forKernels(config, task), "kernel-pool-starter");
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
        return take(null, starting);
    }

    /**
     * As {@link #take(Runnable)} for {@code who} (may be null): if they were {@link #expect expected}, they no longer
     * are, and when their kernel had to be started here, the one asked for them is given up ({@link #unprepare}).
     */
    public Kernel take(String who, Runnable starting) {
        if (closed) {
            throw new IllegalStateException("kernel pool: take after close");
        }
        boolean askedFor = who != null && expected.arrived(who);
        Kernel kernel;
        while ((kernel = ready.poll()) != null) {
            have.decrementAndGet();
            extra.getAndUpdate(n -> Math.max(0, n - 1)); // a prepared kernel is not replaced
            if (kernel.isAlive()) {
                refill();
                return kernel;
            }
            kernel.close();
        }
        if (askedFor) {
            unprepare(); // the kernel started ahead for them is not ready: not needed now
        }
        refill();
        if (starting != null) {
            starting.run();
        }
        return Kernel.start(config);
    }

    /**
     * {@code who} (a student who opened a lesson, say) will likely take a kernel soon: unless they are expected
     * already, one more is started ahead as the machine has room ({@link #prepare}), so that it is ready when they
     * come, as a notebook's kernel starts when the notebook opens. One per student, whatever they open; none while
     * the kernels ready or starting beyond the pool's own size (an instructor's {@link #prepare}) outnumber the
     * students expected; at most {@value #MOST_EXPECTED} students at once, so page views alone cannot fill the
     * machine; given up (closed if nobody took it) after the kernels' idle timeout.
     *
     * @return whether a kernel was asked for
     */
    public boolean expect(String who) {
        giveUpExpected();
        if (closed || !expected.add(who, System.nanoTime(),
                students -> have.get() - config.poolSize() >= students)) {
            return false;
        }
        prepare(1, Integer.MAX_VALUE); // bounded by MOST_EXPECTED, beside what an instructor prepared
        return true;
    }

    /** How many kernels are being started or wait to be, in the background. */
    public int starting() {
        return Math.max(0, have.get() - ready.size());
    }

    /** How many are expected now (see {@link #expect}). */
    public int expected() {
        return expected.size();
    }

    private void giveUpExpected() {
        for (int i = expected.expire(System.nanoTime()); i > 0; i--) {
            unprepare();
        }
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
        int after = extra.updateAndGet(n -> Math.max(n, Math.min(most, n + Math.max(0, kernels))));
        preparedAt = System.nanoTime();
        refill();
        return after - before;
    }

    /**
     * Gives up one kernel asked for by {@link #prepare} (its student got a kernel another way, or never came): it is
     * not started if it has not been, and one waiting beyond what the pool still wants is closed.
     */
    public void unprepare() {
        int wanted = config.poolSize() + extra.updateAndGet(n -> Math.max(0, n - 1));
        if (ready.size() > wanted) {
            Kernel surplus = ready.pollLast();
            if (surplus != null) {
                have.decrementAndGet();
                surplus.close();
            }
        }
    }

    /**
     * Closes prepared kernels nobody took within {@code unused} of being asked for (and any left beyond the pool's
     * size by a prepared kernel given up while it started); the pool's own size stays.
     */
    public int forgetPrepared(java.time.Duration unused) {
        giveUpExpected();
        if (System.nanoTime() - preparedAt < unused.toNanos()) {
            return 0;
        }
        extra.set(0);
        int closed = 0;
        Kernel kernel;
        while (ready.size() > config.poolSize() && (kernel = ready.pollLast()) != null) {
            have.decrementAndGet();
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

    private int wanted() {
        return config.poolSize() + extra.get();
    }

    private void refill() {
        while (!closed) {
            int now = have.get();
            if (now >= wanted()) {
                return;
            }
            if (!have.compareAndSet(now, now + 1)) {
                continue; // another refill or a take changed it: look again
            }
            try {
                starter.execute(this::startOne);
            } catch (RejectedExecutionException e) {
                have.decrementAndGet();
                return; // closing
            }
        }
    }

    /** Gives up this start if more are ready or starting than wanted (a prepared kernel was given up meanwhile). */
    private boolean surplus() {
        while (true) {
            int now = have.get();
            if (now <= wanted()) {
                return false;
            }
            if (have.compareAndSet(now, now - 1)) {
                return true;
            }
        }
    }

    private void startOne() {
        boolean counted = true; // this start is in have until its kernel is ready or it ends without one
        try {
            long waitUntil = System.currentTimeMillis() + MOST_YIELD_MS;
            while (!closed && busy.getAsBoolean() && System.currentTimeMillis() < waitUntil) {
                Thread.sleep(100);
            }
            if (closed) {
                return;
            }
            if (surplus()) {
                counted = false;
                return;
            }
            Kernel kernel = Kernel.start(config);
            ready.add(kernel);
            counted = false; // still in have, now as a ready kernel
            if (closed && ready.remove(kernel)) {
                have.decrementAndGet();
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
            if (counted) {
                have.decrementAndGet(); // failed, or the pool closed: take() starts one itself when none is ready
            }
        }
    }
}
