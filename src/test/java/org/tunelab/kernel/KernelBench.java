package org.tunelab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures kernels on this machine: a warm run of {@code 1+1}, a lesson's first run with and without the pool,
 * a child JVM's resident memory, and how a run slows as its kernel runs more cells. Run after
 * {@code mvn test-compile}:
 * <pre>java -cp target/classes:target/test-classes org.tunelab.kernel.KernelBench [warmRuns]</pre>
 */
public final class KernelBench {
    private KernelBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        KernelConfig config = KernelConfig.defaults();

        try (Kernel kernel = Kernel.start(config)) {
            for (int i = 0; i < 20; i++) {
                kernel.run("1+1"); // warm up host and child
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                long started = System.nanoTime();
                RunResult result = kernel.run("1+1");
                millis.add((System.nanoTime() - started) / 1e6);
                if (!"2".equals(result.value())) {
                    throw new IllegalStateException("bench: 1+1 gave " + result);
                }
            }
            Collections.sort(millis);
            System.out.printf("warm run of 1+1 (%d runs): median %.1f ms, p95 %.1f ms, max %.1f ms%n", warmRuns,
                    millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)), millis.get(millis.size() - 1));
            System.out.println("child JVM RSS after warm runs: " + rssKib(kernel.pid()) + " KiB");
            kernel.run("int[] big = new int[8_000_000]; java.util.Arrays.fill(big, 1);");
            System.out.println("child JVM RSS after a 32 MB array: " + rssKib(kernel.pid()) + " KiB");
        }

        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            try (Kernel kernel = Kernel.start(config)) {
                long ready = System.nanoTime();
                kernel.run("1+1");
                long done = System.nanoTime();
                System.out.printf("first run without pool: %.0f ms (start with %d start-up snippets %.0f ms + run %.0f ms)%n",
                        (done - started) / 1e6, config.startupSnippets().size(), (ready - started) / 1e6, (done - ready) / 1e6);
            }
        }

        try (Kernels kernels = new Kernels(config.withPoolSize(2))) {
            for (int i = 0; i < 3; i++) {
                Thread.sleep(3000); // let the pool refill
                long started = System.nanoTime();
                RunResult result = kernels.run("bench/lesson-" + i, "1+1");
                System.out.printf("first run with pool (Kernels.run on a new key): %.0f ms, result %s%n",
                        (System.nanoTime() - started) / 1e6, result.value());
            }
        }

        laterRuns(config);
    }

    /**
     * A run of {@code 1+1} after 0, 500, 1,000 and 2,000 earlier cells in the same kernel (median of 200 each).
     * JShell keeps the class of every snippet it compiled, dropped ones too, and its compiler reads them all in again
     * for each task, so a kernel's cells compile slower the more it has run.
     */
    private static void laterRuns(KernelConfig config) {
        try (Kernel warmUp = Kernel.start(config)) { // so that the first 200 are not the JIT's warm-up
            for (int i = 0; i < 600; i++) {
                warmUp.run("1+1");
            }
        }
        try (Kernel kernel = Kernel.start(config)) {
            int ran = 0;
            for (int before : new int[] {0, 500, 1000, 2000}) {
                for (; ran < before; ran++) {
                    kernel.run("1+1");
                }
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < 200; i++, ran++) {
                    long started = System.nanoTime();
                    kernel.run("1+1");
                    millis.add((System.nanoTime() - started) / 1e6);
                }
                Collections.sort(millis);
                System.out.printf("1+1 after %,d cells in its kernel: median %.1f ms%n", before, millis.get(100));
            }
        }
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("bench: no VmRSS in /proc/" + pid + "/status");
    }
}
