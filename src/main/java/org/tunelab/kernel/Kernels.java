package org.tunelab.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The kernels of the server: one per key (e.g. {@code studentId + "/" + lessonSlug}), taken from a
 * {@link KernelPool} on a key's first run, closed after {@link KernelConfig#idleTimeout()} without runs.
 * Thread-safe: runs on one key are serialised, runs on different keys proceed at once.
 */
public final class Kernels implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Kernels.class.getName());
    private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";

    private final KernelConfig config;
    private final Fairness fairness;
    private final RunQueue queue;
    /** What each cell's runs took lately: the queue lets quick runs pass long ones (see {@link RunQueue}). */
    private final RunCosts costs = new RunCosts();
    /** Per student (the key up to its first '/'): when their recent runs started, for runs per minute. */
    private final Map<String, java.util.ArrayDeque<Long>> recentRuns = new ConcurrentHashMap<>();
    private final KernelPool pool;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService evictor;
    private final Object spareLock = new Object();
    private final AtomicLong runsEnded = new AtomicLong();
    private volatile long lastRunEnded = System.nanoTime();
    /** Keys whose kernels may keep the CPU busy between cells (see {@link #allowBusyWhileIdle}). */
    private volatile Predicate<String> busyOnPurpose = key -> false;
    /** The idle CPU check's samples; used on the evictor's thread only. */
    private final Spinners spinners = new Spinners();
    /** A kernel that only answers completion for keys without one of their own; never runs code. Guarded by spareLock. */
    private Kernel spare;

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** How long a kernel sits unused before {@link Kernel#trim()} gives back what it can rebuild. */
    public static final Duration TRIM_AFTER = Duration.ofSeconds(30);

    /** A key's place: its lock serialises the key's runs and keeps eviction away from a running kernel. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile Kernel kernel;
        volatile boolean removed;
        /** Why the key's kernel was closed by this registry, told with the next run; guarded by lock. */
        String replacedBecause;
        /** The kernel's last run when it was last trimmed; guarded by lock. */
        Instant trimmedAt;
    }

    public Kernels(KernelConfig config) {
        this(config, Fairness.defaults());
    }

    public Kernels(KernelConfig config, Fairness fairness) {
        this(config, fairness, true);
    }

    /** With {@code evictOnSchedule} false only explicit {@link #evictIdle()} calls evict (for tests). */
    Kernels(KernelConfig config, boolean evictOnSchedule) {
        this(config, Fairness.defaults(), evictOnSchedule);
    }

    private Kernels(KernelConfig config, Fairness fairness, boolean evictOnSchedule) {
        this.config = config;
        this.fairness = fairness;
        this.queue = new RunQueue(fairness.concurrentRuns());
        this.pool = new KernelPool(config);
        pool.yieldWhile(this::busy); // students' runs fill the cores: refill later
        this.evictor = Executors.newSingleThreadScheduledExecutor(task -> {
            // housekeeping (the idle check reads the process table each second) gives way to runs
            Thread thread = new Thread(ThreadPriority.inBackground(task), "kernel-evictor");
            thread.setDaemon(true);
            return thread;
        });
        evictor.scheduleWithFixedDelay(() -> {
            try {
                stopIdleSpinners();
                trimIdle(TRIM_AFTER);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "kernels: idle check failed", e);
            }
        }, Spinners.EVERY.toMillis(), Spinners.EVERY.toMillis(), TimeUnit.MILLISECONDS);
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
        return run(key, code, listener, null);
    }

    /**
     * Runs a cell in the key's kernel, as {@link #run(String, String, OutputListener)}, within the limits of
     * {@link Fairness}: a student's runs per minute, their kernels, and the server's runs at once.
     *
     * @param queued told the run's place in the server's queue (1 = next) while it waits, and 0 once if no kernel
     *               was ready and one is being started for it; may be null
     */
    public RunResult run(String key, String code, OutputListener listener, java.util.function.IntConsumer queued) {
        long started = System.nanoTime();
        String student = student(key);
        long wait = waitBeforeNextRun(student);
        if (wait > 0) {
            return RunResult.failed("Too many runs: at most " + fairness.runsPerMinute() + " a minute per student."
                    + " Try again in " + Math.max(1, (wait + 999) / 1000) + " s.", 0);
        }
        while (true) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            slot.lock.lock();
            try {
                if (slot.removed) {
                    continue; // evicted or restarted while we waited: use the key's new slot
                }
                String lost = null;
                String note = null;
                if (slot.kernel == null) {
                    String closed = makeRoomFor(student, key);
                    try {
                        slot.kernel = pool.take(student, queued == null ? null : () -> queued.accept(0));
                        slot.kernel.owner(key);
                    } catch (KernelException e) {
                        return RunResult.failed("Could not start a Java kernel: " + e.getMessage(),
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    }
                    if (slot.replacedBecause != null) {
                        lost = "A fresh kernel was started because " + slot.replacedBecause
                                + "; earlier definitions are gone.";
                        slot.replacedBecause = null;
                    }
                    note = closed;
                }
                long queuedAt = System.nanoTime();
                long cost = RunCosts.key(code);
                try {
                    if (!queue.enter(fairness.maxQueueWait(), queued, () -> costs.expected(cost))) {
                        return RunResult.failed("The server is busy: this run waited " + format(fairness.maxQueueWait())
                                + " in the queue for one of its " + fairness.concurrentRuns() + " run slots without"
                                + " getting one. Try again in a minute.", millisSince(started));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return RunResult.failed("The run was cancelled while it waited in the queue.", millisSince(started));
                }
                long waited = millisSince(queuedAt);
                if (waited >= 1000) {
                    note = (note == null ? "" : note + " ") + "Waited " + waited / 1000 + " s for a free run slot (the"
                            + " server runs " + fairness.concurrentRuns() + " cells at once).";
                }
                RunResult result;
                long began = System.nanoTime();
                try {
                    result = slot.kernel.run(code, listener);
                } finally {
                    costs.record(cost, System.nanoTime() - began);
                    queue.leave();
                    runsEnded.incrementAndGet();
                    lastRunEnded = System.nanoTime();
                }
                if (result.exception() != null && OUT_OF_MEMORY.equals(result.exception().type())) {
                    // Whatever filled the heap, the threads or the address space is likely still held (a variable,
                    // sleeping threads); a fresh kernel is the only sure way to make the next run work.
                    slot.kernel.close();
                    slot.kernel = null;
                    slot.replacedBecause = "the previous one ran out of memory or threads";
                    result = withMessage(result, "The kernel ran out of memory or threads (" + result.exception().message()
                            + "), so it was closed; the next run starts a fresh one without earlier definitions.", false);
                }
                if (note != null) {
                    result = withMessage(result, note, false);
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

    /** The id ({@link Kernel#id()}) of the key's kernel, if it has one. */
    public java.util.Optional<String> kernelId(String key) {
        Slot slot = slots.get(key);
        Kernel kernel = slot == null ? null : slot.kernel;
        return java.util.Optional.ofNullable(kernel).map(Kernel::id);
    }

    /** The variables of the key's kernel (empty when it has none, or while it runs). */
    public java.util.List<Variable> variables(String key) {
        Slot slot = slots.get(key);
        Kernel kernel = slot == null ? null : slot.kernel;
        return kernel == null ? java.util.List.of() : kernel.variables();
    }

    /**
     * Completion in the key's kernel ({@link Kernel#complete}); for a key without a live kernel (no cell run yet, an
     * exercise, which is graded in fresh kernels) it answers from a fresh kernel's state: the start-up imports.
     * Never waits for the key's run, nor starts one; the answer is {@code busy} while a run holds the kernel.
     */
    public Completions complete(String key, String code, int cursor) {
        Kernel kernel = analysisKernel(key);
        return kernel == null ? Completions.none(cursor, false) : kernel.complete(code, cursor);
    }

    /** Documentation at the cursor in the key's kernel ({@link Kernel#documentation}), chosen as {@link #complete}. */
    public Documentation documentation(String key, String code, int cursor) {
        Kernel kernel = analysisKernel(key);
        return kernel == null ? Documentation.none(false) : kernel.documentation(code, cursor);
    }

    /** The key's live kernel, else the spare one (null if none can start); takes no slot lock. */
    private Kernel analysisKernel(String key) {
        Slot slot = slots.get(key);
        Kernel kernel = slot == null ? null : slot.kernel;
        if (kernel != null && kernel.isAlive()) {
            return kernel;
        }
        synchronized (spareLock) {
            if (spare == null || !spare.isAlive()) {
                if (spare != null) {
                    spare.close();
                }
                try {
                    spare = pool.take();
                } catch (KernelException e) {
                    LOG.log(System.Logger.Level.WARNING, "kernels: no kernel for completion: " + e.getMessage());
                    spare = null;
                }
            }
            return spare;
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
        pool.forgetPrepared(config.idleTimeout());
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
     * Trims ({@link Kernel#trim()}) each kernel unused for {@code idle} and not trimmed since its last run; returns
     * how many. Runs every second with {@link #TRIM_AFTER}.
     */
    int trimIdle(Duration idle) {
        Instant cutoff = Instant.now().minus(idle);
        int trimmed = 0;
        for (Slot slot : slots.values()) {
            if (!slot.lock.tryLock()) {
                continue; // running now
            }
            try {
                Kernel kernel = slot.kernel;
                if (kernel != null && kernel.lastUsed().isBefore(cutoff) && !kernel.lastUsed().equals(slot.trimmedAt)
                        && kernel.trim()) {
                    slot.trimmedAt = kernel.lastUsed();
                    trimmed++;
                }
            } catch (RuntimeException e) {
                // the child ended meanwhile: nothing left to trim
            } finally {
                slot.lock.unlock();
            }
        }
        return trimmed;
    }

    /**
     * Names the kernels (by key) that may keep the CPU busy between cells, e.g. while a fine-tuning job they
     * started trains in the background; the idle CPU check leaves them alone while the predicate holds.
     */
    public void allowBusyWhileIdle(Predicate<String> keys) {
        busyOnPurpose = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Closes idle kernels whose child keeps using CPU after its cell ended (see {@link Spinners}). Runs every second;
     * idle kernels are held (their runs wait) while one pass over the process table reads all their CPU times.
     */
    void stopIdleSpinners() {
        Map<String, Slot> held = new HashMap<>();
        Set<String> running = new HashSet<>();
        try {
            for (Map.Entry<String, Slot> entry : slots.entrySet()) {
                if (entry.getValue().lock.tryLock()) {
                    held.put(entry.getKey(), entry.getValue());
                } else {
                    running.add(entry.getKey()); // the run's time limit applies
                }
            }
            Map<String, Kernel> idle = new HashMap<>();
            held.forEach((key, slot) -> {
                Kernel kernel = slot.kernel;
                if (kernel != null && kernel.isAlive() && !busyOnPurpose.test(key)) {
                    idle.put(key, kernel);
                }
            });
            for (String key : spinners.spinning(idle, running)) {
                LOG.log(System.Logger.Level.INFO, "kernels: closing " + key + ": busy while idle");
                Slot slot = held.get(key);
                idle.get(key).close();
                slot.kernel = null;
                slot.replacedBecause = "a thread your code started kept using the CPU after its cell ended";
            }
        } finally {
            held.values().forEach(slot -> slot.lock.unlock());
        }
    }

    private static RunResult withMessage(RunResult r, String sentence, boolean lost) {
        String message = r.message() == null ? sentence : lost ? sentence + " " + r.message() : r.message() + " " + sentence;
        return r.withMessage(r.stateLost() || lost, message);
    }

    /** Milliseconds until the student may start another run (0: now), counting this one if allowed. */
    private long waitBeforeNextRun(String student) {
        java.util.ArrayDeque<Long> runs = recentRuns.computeIfAbsent(student, s -> new java.util.ArrayDeque<>());
        synchronized (runs) {
            long now = System.nanoTime();
            long minute = TimeUnit.MINUTES.toNanos(1);
            while (!runs.isEmpty() && now - runs.peekFirst() >= minute) {
                runs.pollFirst();
            }
            if (runs.size() >= fairness.runsPerMinute()) {
                return TimeUnit.NANOSECONDS.toMillis(minute - (now - runs.peekFirst()));
            }
            runs.addLast(now);
            return 0;
        }
    }

    /**
     * Keeps the student within {@link Fairness#kernelsPerStudent()} before {@code key} gets a kernel: closes their
     * least recently used idle kernel if need be. Returns a sentence saying which, or null.
     */
    private String makeRoomFor(String student, String key) {
        while (true) {
            List<Map.Entry<String, Slot>> theirs = slots.entrySet().stream()
                    .filter(e -> !e.getKey().equals(key) && student(e.getKey()).equals(student) && e.getValue().kernel != null)
                    .sorted(java.util.Comparator.comparing(e -> lastUsed(e.getValue())))
                    .toList();
            if (theirs.size() < fairness.kernelsPerStudent()) {
                return null;
            }
            for (Map.Entry<String, Slot> oldest : theirs) {
                Slot slot = oldest.getValue();
                if (!slot.lock.tryLock()) {
                    continue; // running now
                }
                try {
                    Kernel kernel = slot.kernel;
                    if (kernel == null) {
                        continue;
                    }
                    kernel.close();
                    slot.kernel = null;
                    slot.replacedBecause = "it was closed to make room for another (at most "
                            + fairness.kernelsPerStudent() + " kernels per student)";
                    if (theirs.size() - 1 < fairness.kernelsPerStudent()) {
                        return "Your kernel for " + where(oldest.getKey()) + " was closed to make room (at most "
                                + fairness.kernelsPerStudent() + " kernels per student).";
                    }
                    break;
                } finally {
                    slot.lock.unlock();
                }
            }
            if (theirs.stream().allMatch(e -> e.getValue().lock.isLocked())) {
                return null; // all busy running: let this one through rather than wait on them
            }
        }
    }

    private static java.time.Instant lastUsed(Slot slot) {
        Kernel kernel = slot.kernel;
        return kernel == null ? Instant.MIN : kernel.lastUsed();
    }

    /** The student part of a key ("ada/lesson/01-prompts" is "ada"). */
    private static String student(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** The rest of a key, for messages ("ada/lesson/01-prompts" is "lesson 01-prompts"). */
    private static String where(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(slash + 1).replace('/', ' ');
    }

    private static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /** How many runs have ended since this registry started. */
    public long runsEnded() {
        return runsEnded.get();
    }

    /** How long no run has been in progress: zero while one is, else since the last one ended. */
    public Duration quietFor() {
        return running() > 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - lastRunEnded);
    }

    public int running() {
        return queue.running();
    }

    public int queued() {
        return queue.waiting();
    }

    /** How many pre-started kernels wait for a student now. */
    public int ready() {
        return pool.ready();
    }

    /** Most kernels an instructor may have prepared beyond the pool at once: about 16 MB of memory each. */
    public static final int MOST_PREPARED = 200;

    /**
     * Starts {@code kernels} kernels ahead of a class (see {@link KernelPool#prepare}); those still unused after the
     * idle timeout are closed again.
     *
     * @return how many more were asked for
     */
    public int prepare(int kernels) {
        return pool.prepare(kernels, MOST_PREPARED);
    }

    /**
     * A student opened {@code key}'s lesson: unless the key has a kernel, the pool starts one ahead for them
     * ({@link KernelPool#expect}), so that a class that opens a lesson, listens, then runs together finds its kernels
     * started while it listened, not all in the second everyone presses Run.
     *
     * @return whether a kernel was asked for
     */
    public boolean expect(String key) {
        Slot slot = slots.get(key);
        return (slot == null || slot.kernel == null) && pool.expect(student(key));
    }

    /** Whether students' runs fill the cores (running and waiting at least one per core): background work waits. */
    public boolean busy() {
        return running() + queued() >= CORES;
    }

    /** Kernels the pool is starting, or will, in the background (the grader's wait for these: {@code Server}). */
    public int starting() {
        return pool.starting();
    }

    /** Students expected now (see {@link #expect}). */
    public int expected() {
        return pool.expected();
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
        synchronized (spareLock) {
            if (spare != null) {
                spare.close();
            }
        }
        for (String key : slots.keySet()) {
            restart(key);
        }
    }
}
