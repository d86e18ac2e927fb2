package org.tunelab.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.tunelab.course.Course;
import org.tunelab.course.Exercise;
import org.tunelab.course.Lesson;
import org.tunelab.kernel.Diagnostic;
import org.tunelab.kernel.Kernel;
import org.tunelab.kernel.KernelConfig;
import org.tunelab.kernel.KernelException;
import org.tunelab.kernel.KernelPool;
import org.tunelab.kernel.Kernels;
import org.tunelab.kernel.RunQueue;
import org.tunelab.kernel.RunResult;
import org.tunelab.kernel.RunStatus;
import org.tunelab.kernel.Warmup;

/**
 * Grades exercise code: a fresh kernel per attempt, holding the exercise's setup and the student's
 * code, then each check on its own, driven from here (its statements as one block where that means the same:
 * {@link CheckBlocks}). A check passes only when its statements ran
 * to the end on the kernel; what the student's code prints is never read.
 */
public final class Grader implements AutoCloseable {
    /** Every check may use JUnit 5's assertions unqualified. */
    static final String ASSERTIONS_IMPORT = "import static org.junit.jupiter.api.Assertions.*;";
    /**
     * Run in each grading kernel before it is handed out, so that a check does not wait for the kernel's JVM to load
     * and verify JUnit's assertions on first use. It declares nothing: the check still starts from a clean state.
     */
    static final String ASSERTIONS_LOADED = "assertEquals(1, 1, \"assertions loaded\"); assertTrue(true, () -> \"\");";

    /** How long a check waits for one of the {@code checksAtOnce} places before it is answered "busy". */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    /**
     * Checks as exercises write them, run after {@link Warmup#CELL} by {@link #warmUp}: JUnit's overloaded assertions
     * are work of their own for the compiler, and a check on a server that had compiled only lesson cells took
     * 0.3-0.6 s rather than 0.15 s.
     */
    static final List<String> WARMUP_CHECKS = List.of(
            "assertEquals(20, points.size(), \"points.size()\");",
            "assertEquals(\"(1, 2)\", describe(points.get(1)), \"describe\");",
            "assertTrue(even.get(true) > 0, () -> \"even: \" + even);",
            "assertEquals(List.of(3, 6), points.stream().skip(1).limit(2).map(Point::sum).toList(), \"sums\");",
            "assertThrows(IndexOutOfBoundsException.class, () -> points.get(99), \"get(99)\");");

    private final KernelConfig config;
    private final KernelPool pool;
    private final Duration checkTimeout;
    private final RunQueue places;
    private final CheckBlocks blocks = new CheckBlocks();
    private volatile java.util.function.BooleanSupplier alsoYieldTo = () -> false;
    private final ScheduledExecutorService forgetting = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "grader-forget-prepared");
        thread.setDaemon(true);
        return thread;
    });

    /** As {@link #Grader(KernelConfig, Duration, int)} with 4 checks at once per core. */
    public Grader(KernelConfig kernels, Duration checkTimeout) {
        this(kernels, checkTimeout, 4 * Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param kernels      the configuration of the lesson kernels; grading kernels get the same
     *                     start-up snippets plus JUnit's assertions, and {@code checkTimeout} per run
     * @param checkTimeout the time limit of the student's code and of each check
     * @param checksAtOnce how many checks run at once; more wait their turn. Each starts a JVM, and a class
     *                     checking at the same moment would otherwise start them all together (measured: 200 at
     *                     once on 2 cores took minutes, and 28 failed to start in time)
     */
    public Grader(KernelConfig kernels, Duration checkTimeout, int checksAtOnce) {
        if (checksAtOnce < 1) {
            throw new IllegalArgumentException("Grader: checksAtOnce must be at least 1, was " + checksAtOnce);
        }
        List<String> startup = new ArrayList<>(kernels.startupSnippets());
        startup.add(ASSERTIONS_IMPORT);
        startup.add(ASSERTIONS_LOADED);
        this.checkTimeout = checkTimeout;
        this.places = new RunQueue(checksAtOnce);
        this.config = kernels.withStartupSnippets(startup).withRunTimeout(checkTimeout).withPoolSize(1)
                .withBackground(true); // checks give way to runs when the cores are busy (ThreadPriority)
        this.pool = new KernelPool(config);
        // a replacement JVM starting beside a check slows it down; the server adds what else comes first (yieldTo)
        this.pool.yieldWhile(() -> places.running() > 0 || alsoYieldTo.getAsBoolean());
        forgetting.scheduleWithFixedDelay(() -> pool.forgetPrepared(config.idleTimeout()), 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Starts {@code kernels} grading kernels ahead of a class (see {@link KernelPool#prepare}), so that its first checks
     * do not each wait for a JVM to start; those still unused after the kernels' idle timeout are closed again.
     *
     * @return how many more were asked for
     */
    public int prepare(int kernels) {
        return pool.prepare(kernels, Kernels.MOST_PREPARED);
    }

    /**
     * {@code student} opened a lesson with an exercise: one grading kernel is started ahead for their first check
     * ({@link KernelPool#expect}; one per student, given up after the kernels' idle timeout).
     *
     * @return whether a kernel was asked for
     */
    public boolean expect(String student) {
        return pool.expect(student);
    }

    /**
     * Grading kernels also wait to be started while {@code busy} says so (they always wait while a check runs): the
     * server has them wait for lesson kernels, since a student runs a cell before they check an exercise.
     */
    public void yieldTo(java.util.function.BooleanSupplier busy) {
        alsoYieldTo = busy;
    }

    /** Students expected to check soon (see {@link #expect}). */
    public int expected() {
        return pool.expected();
    }

    /** How many grading kernels are ready now. */
    public int ready() {
        return pool.ready();
    }

    /** How many grading kernels are being started, or will be, in the background. */
    public int starting() {
        return pool.starting();
    }

    /**
     * Warms the server's compiler for lesson cells and checks alike, in the background: {@code kernels} grading
     * kernels started one after another, each running {@link Warmup#CELL} and {@link #WARMUP_CHECKS}, then closed.
     */
    public CompletableFuture<Void> warmUp(int kernels) {
        List<String> cells = new ArrayList<>();
        cells.add(Warmup.CELL);
        for (int i = 0; i < WARMUP_CHECKS.size(); i++) {
            cells.add(blocks.source(WARMUP_CHECKS, i, Warmup.CELL));
        }
        return Warmup.start(config, kernels, cells);
    }

    /**
     * Warms the server's compiler on the course itself, in the background: each lesson's cells, and each exercise's
     * setup, reference solution and checks, compiled in order as their kernels would compile them, and not run
     * ({@link Warmup#compile}), {@link Warmup#COURSE_ROUNDS} times over. Lesson cells compile here with JUnit's
     * assertions imported too: one import more.
     *
     * @return completes with how many cells were compiled, every round counted
     */
    public CompletableFuture<Integer> warmUpOn(Course course) {
        List<List<String>> notebooks = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            notebooks.add(lesson.cells().stream().filter(cell -> cell.mode().runnable()).map(cell -> cell.code()).toList());
        }
        for (Exercise exercise : course.exercises()) {
            List<String> cells = new ArrayList<>();
            if (!exercise.setup().isBlank()) {
                cells.add(exercise.setup());
            }
            cells.add(exercise.solution());
            List<String> checks = exercise.checks().stream().map(Exercise.Check::code).toList();
            for (int i = 0; i < checks.size(); i++) {
                cells.add(blocks.source(checks, i, exercise.setup() + "\n" + exercise.solution()));
            }
            notebooks.add(cells);
        }
        return Warmup.compile(config, notebooks, Warmup.COURSE_ROUNDS);
    }

    /** Checks {@code code} against every check of {@code exercise}, waiting for a place if the server is busy. */
    public Grade check(Exercise exercise, String code) {
        return check(exercise, code, null);
    }

    /**
     * As {@link #check(Exercise, String)}, telling {@code waiting} (may be null) the check's place in the queue (1 =
     * next) while it waits for one of the places, and 0 once if no grading kernel was ready and one is being started.
     */
    public Grade check(Exercise exercise, String code, IntConsumer waiting) {
        return check(exercise, code, waiting, null);
    }

    /**
     * As {@link #check(Exercise, String, IntConsumer)} for {@code student} (may be null), for whom a grading kernel
     * may have been started ahead ({@link #expect}).
     */
    public Grade check(Exercise exercise, String code, IntConsumer waiting, String student) {
        long started = System.nanoTime();
        try {
            if (!places.enter(MAX_WAIT, waiting)) {
                return notRun(exercise, List.of(), "The server is busy checking other students' code: this check"
                        + " waited " + MAX_WAIT.toMinutes() + " minutes for its turn. Try again in a minute.", started);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notRun(exercise, List.of(), "The check was cancelled while it waited for its turn.", started);
        }
        try {
            return checkNow(exercise, code, waiting, student, started);
        } finally {
            places.leave();
        }
    }

    private Grade checkNow(Exercise exercise, String code, IntConsumer waiting, String who, long started) {
        Kernel fresh;
        try {
            fresh = pool.take(who, waiting == null ? null : () -> waiting.accept(0));
        } catch (KernelException e) {
            // a busy or broken server, not the student's code: say so instead of failing the request
            return notRun(exercise, List.of(), "The server could not start a Java VM to check your code ("
                    + e.getMessage() + "). Try again in a moment; if it persists, tell your instructor.", started);
        }
        try (Kernel kernel = fresh) {
            Set<String> before = new HashSet<>(kernel.declaredNames());
            if (!exercise.setup().isBlank()) {
                RunResult setup = kernel.run(exercise.setup());
                if (setup.status() != RunStatus.OK) {
                    return notRun(exercise, List.of(), "The exercise's own setup failed (" + describe(setup)
                            + "); tell your instructor.", started);
                }
                before.addAll(kernel.declaredNames());
            }
            RunResult student = kernel.run(code);
            switch (student.status()) {
                case ERROR -> {
                    if (!student.diagnostics().isEmpty()) {
                        Diagnostic d = student.diagnostics().get(0);
                        return notRun(exercise, student.diagnostics(), "Your code does not compile (line " + d.line()
                                + ", column " + d.column() + "): fix that first.", started);
                    }
                    if (student.exception() == null && student.message() != null) { // refused, e.g. too deep to compile
                        return notRun(exercise, List.of(), student.message() + " No check ran.", started);
                    }
                    return notRun(exercise, List.of(), "Your code threw " + describe(student)
                            + " before any check ran.", started);
                }
                case TIMEOUT -> {
                    return notRun(exercise, List.of(), "Your code did not finish within " + seconds()
                            + " (an endless loop?), so no check ran.", started);
                }
                case DIED -> {
                    return notRun(exercise, List.of(), "Your code stopped the Java VM (System.exit or Runtime.halt?), "
                            + "so no check ran.", started);
                }
                case OK -> {
                }
            }
            Set<String> declared = new HashSet<>(kernel.declaredNames());
            declared.removeAll(before);
            Set<String> reserved = ReservedNames.among(declared);
            if (!reserved.isEmpty()) {
                return notRun(exercise, List.of(), "Your code declares " + String.join(", ", reserved)
                        + ", which the checks need for themselves. Rename " + (reserved.size() == 1 ? "it" : "them")
                        + " and check again.", started);
            }
            List<CheckResult> results = new ArrayList<>();
            String stopped = null;
            List<String> codes = exercise.checks().stream().map(Exercise.Check::code).toList();
            String ranFirst = exercise.setup() + "\n" + code;
            for (int i = 0; i < codes.size(); i++) {
                Exercise.Check check = exercise.checks().get(i);
                if (stopped != null) {
                    results.add(new CheckResult(check.name(), check.hidden(), false, stopped, 0));
                    continue;
                }
                long t0 = System.nanoTime();
                String source = blocks.source(codes, i, ranFirst);
                RunResult r = kernel.run(source);
                if (!source.equals(check.code()) && blocks.declares(check.code()) && r.status() == RunStatus.ERROR
                        && !r.diagnostics().isEmpty()) {
                    r = kernel.run(check.code()); // a block's own rule (see CheckBlocks); the block did not run
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                results.add(new CheckResult(check.name(), check.hidden(), r.status() == RunStatus.OK, failure(r), ms));
                if (r.status() == RunStatus.DIED || !kernel.isAlive()) {
                    stopped = "Not run: the Java VM stopped during an earlier check.";
                }
            }
            boolean passed = results.stream().allMatch(CheckResult::passed);
            return new Grade(passed, results, List.of(), null, elapsed(started));
        }
    }

    private String failure(RunResult r) {
        return switch (r.status()) {
            case OK -> null;
            case TIMEOUT -> "Took longer than " + seconds() + " (an endless loop?).";
            case DIED -> "Your code stopped the Java VM (System.exit or Runtime.halt?).";
            case ERROR -> {
                if (!r.diagnostics().isEmpty()) {
                    yield "Does not compile with your code: " + r.diagnostics().get(0).message();
                }
                if (r.exception() != null && r.exception().type().startsWith("org.opentest4j.")) {
                    yield r.exception().message();
                }
                yield "Threw " + describe(r) + ".";
            }
        };
    }

    private static String describe(RunResult r) {
        if (r.exception() != null) {
            String type = r.exception().type();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            return r.exception().message() == null ? simple : simple + ": " + r.exception().message();
        }
        if (!r.diagnostics().isEmpty()) {
            return "a compile error: " + r.diagnostics().get(0).message();
        }
        return r.message() == null ? r.status().name().toLowerCase() : r.message();
    }

    private Grade notRun(Exercise exercise, List<Diagnostic> diagnostics, String message, long started) {
        List<CheckResult> results = exercise.checks().stream()
                .map(c -> new CheckResult(c.name(), c.hidden(), false, "Not run.", 0))
                .toList();
        return new Grade(false, results, diagnostics, message, elapsed(started));
    }

    private String seconds() {
        return checkTimeout.toSeconds() + " s";
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() {
        forgetting.shutdownNow();
        pool.close();
    }
}
