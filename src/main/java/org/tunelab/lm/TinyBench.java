package org.tunelab.lm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmarks on this machine: kernel GFLOP/s next to a measured FMA peak, fine-tuning 200 x 3
 * and 500 x 3 examples, generation tokens/s, checkpoint load time and peak heap.
 *
 * <pre>
 * java -Xmx64m --add-modules jdk.incubator.vector -cp target/classes org.tunelab.lm.TinyBench \
 *      [--model PATH] [--threads N]
 * </pre>
 * Running it under {@code -Xmx64m} is itself the heap check: it fails with OutOfMemoryError if
 * the model plus fine-tuning state do not fit.
 */
public final class TinyBench {

    private TinyBench() {
    }

    public static void main(String[] args) {
        Map<String, String> a = TrainBase.flags(args);
        int threads = Integer.parseInt(a.getOrDefault("threads", "" + Runtime.getRuntime().availableProcessors()));
        long t0 = System.nanoTime();
        Tiny tiny = a.containsKey("model") ? Tiny.load(Path.of(a.get("model"))) : Tiny.load();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        Tiny again = a.containsKey("model") ? Tiny.load(Path.of(a.get("model"))) : Tiny.load();
        double load2Ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("| checkpoint load (first in JVM / second) | %.0f ms / %.0f ms | `%s`, %d parameters |%n",
                loadMs, load2Ms, again.id(), again.config().parameterCount());
        System.out.printf("| kernel | %s | %d threads, max heap %d MB |%n", tiny.kernel().name(), threads,
                Runtime.getRuntime().maxMemory() >> 20);
        kernels();

        // fine-tuning: reviews to product category, the fine-tuning lessons' task
        Corpus corpus = new Corpus();
        Corpus.Task task = corpus.task("category");
        for (int n : new int[] {200, 500}) {
            List<Example> ex = TinyReport.examples(task, n, new SplittableRandom(n), 0, null);
            long tokens = 0;
            for (Example e : ex) tokens += tiny.tokenizer().encode(e.prompt() + e.completion()).length + 1;
            for (FineTuneOptions o : new FineTuneOptions[] {FineTuneOptions.full(), FineTuneOptions.lora()}) {
                long t = System.nanoTime();
                FineTuner.fineTune(tiny, ex, o.withThreads(threads).withEpochs(3), null, () -> false);
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf("| fine-tune %s %d examples x 3 epochs | %.1f s | %.0f tokens/s, %d tokens per epoch |%n",
                        o.method(), n, s, 3 * tokens / s, tokens);
            }
        }

        // generation
        GenerateOptions g = GenerateOptions.greedy().withMaxTokens(200);
        tiny.generate("Input: warm up\nOutput:", g);
        long gen = 0, prompt = 0;
        t0 = System.nanoTime();
        SplittableRandom r = new SplittableRandom(1);
        while (gen < 2000) {
            Generation out = tiny.generate(corpus.document(r).substring(0, 20), g.withTemperature(0.8).withSeed(gen));
            gen += out.completionTokens();
            prompt += out.promptTokens();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("| generation (KV cache, 1 thread) | %.0f tokens/s | %d completion + %d prompt tokens in %.2f s |%n",
                (gen + prompt) / s, gen, prompt, s);
        // live heap while a fine-tuning run holds its state: GC at step 3, then measure what is reachable
        long[] live = new long[2];
        for (FineTuneOptions o : new FineTuneOptions[] {FineTuneOptions.full(), FineTuneOptions.lora()}) {
            FineTuner.fineTune(tiny, TinyReport.examples(task, 64, new SplittableRandom(3), 0, null), o.withThreads(threads).withEpochs(1),
                    p -> {
                        if (p.step() == 3) {
                            System.gc();
                            Runtime rt = Runtime.getRuntime();
                            live[o.method().ordinal()] = rt.totalMemory() - rt.freeMemory();
                        }
                    }, () -> false);
        }
        System.out.printf("| live heap during fine-tuning (after GC, model + state) | full %.1f MB, LoRA %.1f MB | ran under -Xmx%d m |%n",
                live[0] / 1048576.0, live[1] / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** GFLOP/s of the three matmul shapes of training at T=256, C=128, H=512, and a register-only FMA peak. */
    static void kernels() {
        Kernel[] ks = {new PlainKernel(), Kernel.best()};
        int T = 256, K = 128, N = 512;
        SplittableRandom r = new SplittableRandom(1);
        float[] x = new float[T * N], b = new float[K * N], o = new float[T * N], g = new float[K * N];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble() - 0.5f;
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble() - 0.5f;
        for (Kernel k : ks) {
            if (k.name().equals("plain") && ks[1].name().equals("plain") && k != ks[0]) continue;
            double nn = 0, nt = 0, tn = 0;
            for (int rep = 0; rep < 3; rep++) {
                nn = time(() -> k.matmul(o, 0, x, 0, b, 0, T, K, N, false), 2.0 * T * K * N);
                nt = time(() -> k.matmulNT(o, 0, x, 0, b, 0, T, N, K, false), 2.0 * T * K * N);
                tn = time(() -> k.matmulTN(g, 0, x, 0, o, 0, T, K, N), 2.0 * T * K * N);
            }
            System.out.printf("| matmul %s (T=%d, K=%d, N=%d) | x@W %.1f, x@W^T %.1f, x^T@dy %.1f GFLOP/s | 1 thread |%n",
                    k.name(), T, K, N, nn, nt, tn);
        }
        double peak = 0;
        for (int rep = 0; rep < 3; rep++) peak = Math.max(peak, peakFma());
        System.out.printf("| measured peak (independent FMAs, no memory) | %.1f GFLOP/s | 1 thread, %s |%n", peak,
                Kernel.best().name().equals("plain") ? "scalar Java" : "Vector API");
    }

    private static double time(Runnable f, double flop) {
        f.run();
        int it = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 300_000_000L) { f.run(); it++; }
        return flop * it / ((System.nanoTime() - t0) / 1e9) / 1e9;
    }

    /** FLOP/s of 8 independent register-held fused multiply-add chains: the arithmetic peak as Java reaches it. */
    static double peakFma() {
        Kernel k = Kernel.best();
        int it = 1_000_000;
        float[] sink = new float[1];
        return time(() -> sink[0] += k.fmaLoop(it), 16.0 * k.lanes() * it);
    }

}
