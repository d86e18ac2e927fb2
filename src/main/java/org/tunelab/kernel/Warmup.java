package org.tunelab.kernel;

import java.util.List;
import java.util.concurrent.CompletableFuture;

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
        Thread thread = new Thread(() -> {
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
        }, "kernel-warmup");
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
