package org.tunelab.kernel;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jdk.jshell.JShell;

/**
 * Warms the server's Java compiler before a class arrives. Each kernel's cells are compiled in the server (JShell's
 * compiler lives there; the kernel's JVM only runs them), and a freshly started server compiles slowly until the
 * JIT has compiled javac itself: measured on 2 cores, the first kernels cost the server 1.3-1.5 CPU seconds each to
 * start, the tenth about 0.2, the thirtieth about 0.1. A class that starts together on a cold server pays that
 * for every student at once. So the server starts and closes a few kernels in the background, each running a cell
 * that declares and uses a record, a method and a stream, before anyone needs one; the server's grader adds the
 * kind of checks exercises run (org.tunelab.grading.Grader#warmUp), which are compiler work of their own.
 */
public final class Warmup {
    private static final System.Logger LOG = System.getLogger(Warmup.class.getName());
    public static final String CELL = """
            record Point(int x, int y) { int sum() { return x + y; } }
            List<Point> points = java.util.stream.IntStream.range(0, 20).mapToObj(i -> new Point(i, 2 * i)).toList();
            String describe(Point p) { return "(" + p.x() + ", " + p.y() + ")"; }
            Map<Boolean, Long> even = points.stream().collect(Collectors.partitioningBy(p -> p.sum() % 2 == 0, Collectors.counting()));
            points.stream().map(p -> describe(p)).limit(3).collect(Collectors.joining(" ")) + even
            """;

    private Warmup() {
    }

    /**
     * Starts, in one background thread, {@code kernels} kernels one after another, each running {@link #CELL}, then
     * closes them; completes when done (at once for 0). A kernel that fails to start ends the warm-up early.
     */
    public static CompletableFuture<Void> start(KernelConfig config, int kernels) {
        return start(config, kernels, List.of(CELL));
    }

    /** As {@link #start(KernelConfig, int)}, each kernel running {@code cells} one after another. */
    public static CompletableFuture<Void> start(KernelConfig config, int kernels, List<String> cells) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (kernels <= 0) {
            done.complete(null);
            return done;
        }
        Thread thread = new Thread(ThreadPriority.forKernels(config, () -> {
            long started = System.nanoTime();
            try {
                for (int i = 0; i < kernels; i++) {
                    Kernel kernel = Kernel.start(config);
                    try {
                        for (String cell : cells) {
                            RunResult result = kernel.run(cell);
                            if (result.status() != RunStatus.OK && i == 0) { // it still warms, less: say so, once
                                LOG.log(System.Logger.Level.WARNING, "Warm-up cell did not run cleanly ({0}): {1}",
                                        result.status(), cell.lines().findFirst().orElse(""));
                            }
                        }
                    } finally {
                        kernel.close();
                    }
                }
                LOG.log(System.Logger.Level.INFO, "Compiler warmed up with {0} kernels in {1} ms", kernels,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Warm-up stopped: " + e.getMessage());
            } finally {
                done.complete(null);
            }
        }), "kernel-warmup");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** The longest one cell of the course may keep the compiler warm-up ({@link #compile}) busy. */
    static final long COMPILE_LIMIT_MS = 10_000;

    /**
     * How many times the start-up warm-up compiles the course's cells ({@link #compile}). The JIT compiles javac's
     * methods as they are called often enough, and javac is large: once through the course's 343 cells left the JIT
     * still busy with the compiler during a class's first runs. Measured on 2 cores, one student running {@code 1 +
     * 1} on a server just warmed up, server CPU per run over the first 360 runs: 34-35 ms after one round (of which
     * the JIT 15-20, javac 10-13), 26 after two, 17 after three, 20 after five; waiting 35 s more after one round
     * changed nothing (34 ms). Each round costs about 10 s of one core at start-up. While 50 students start together
     * the gain is smaller (the server's javac 7.1-9.4 CPU s of the start against 9.1-10.8, warm {@code 1 + 1} p95
     * within the day's noise): the JIT is then busy mostly with the web server's code, which only requests reach
     * (the pages' templates are rendered at start-up too, after this).
     */
    public static final int COURSE_ROUNDS = 3;

    /**
     * Compiles, in one background thread, each notebook's cells in order (a notebook: a lesson's cells, say) in a
     * JShell of its own with {@code config}'s class path and start-up snippets, as its kernel would, but on a {@link
     * DryEngine}: nothing runs and no JVM starts. So the server's JIT has compiled the compiler's paths for the very
     * code a class is about to run before the class runs it (measured on 2 cores: while 50 students started the
     * welcome lesson, the JIT compiled javac's methods for 16 of its 34 seconds of work). Cells that do not compile
     * are compiled too (and fail); a cell the compiler gives up on ({@link #COMPILE_LIMIT_MS}, or its stack) ends its
     * notebook, in this round and the next. All of it {@code rounds} times ({@link #COURSE_ROUNDS}); a background
     * {@code config}'s compiles give way to students' runs ({@link KernelConfig#background()}). Completes, when done,
     * with how many cells the compiler went through, every round counted.
     */
    public static CompletableFuture<Integer> compile(KernelConfig config, List<List<String>> notebooks, int rounds) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread thread = new Thread(ThreadPriority.forKernels(config, () -> {
            long started = System.nanoTime();
            int cells = 0;
            try {
                String classPath = new KernelLauncher(config).classPath();
                List<List<String>> todo = notebooks;
                for (int round = 0; round < rounds; round++) {
                    List<List<String>> next = new ArrayList<>();
                    for (List<String> notebook : todo) {
                        Pass pass = compile(config, classPath, notebook);
                        cells += pass.compiled();
                        if (pass.reached() > 0) {
                            next.add(notebook.subList(0, pass.reached()));
                        }
                    }
                    todo = next;
                }
                LOG.log(System.Logger.Level.INFO, "Compiler warmed up on the course''s cells, {0} times ({1} compiled),"
                        + " in {2} ms", rounds, cells, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException | InternalError e) {
                LOG.log(System.Logger.Level.WARNING, "Compiler warm-up on the course stopped: " + e);
            } finally {
                done.complete(cells);
            }
        }), "kernel-warmup-course");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** One notebook compiled once: how many of its cells compiled, and how far it got before the compiler gave up. */
    private record Pass(int compiled, int reached) {
    }

    private static Pass compile(KernelConfig config, String classPath, List<String> notebook) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        try (JShell shell = JShell.builder()
                .executionEngine(new DryEngine(), Map.of())
                .out(nowhere)
                .err(nowhere)
                .in(InputStream.nullInputStream())
                .fileManager(files -> ChildJvm.compileAgainst(files, classPath))
                .build()) {
            int compiled = 0;
            for (String snippet : config.startupSnippets()) {
                shell.eval(snippet);
            }
            for (int i = 0; i < notebook.size(); i++) {
                String code = notebook.get(i);
                try {
                    CompilerThreads.call(() -> {
                        for (Cell.Part part : new Cell(code, shell.sourceCodeAnalysis()).parts()) {
                            shell.eval(part.source());
                        }
                        return null;
                    }, COMPILE_LIMIT_MS, config.background());
                    compiled++;
                } catch (CompilerThreads.TooComplexException | CompilerThreads.TooSlowException e) {
                    return new Pass(compiled, i); // this JShell may be unusable now: on to the next notebook
                } catch (RuntimeException | InternalError e) {
                    // the next cell may still compile
                }
            }
            return new Pass(compiled, notebook.size());
        }
    }
}
