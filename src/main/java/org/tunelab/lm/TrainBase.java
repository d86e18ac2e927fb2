package org.tunelab.lm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Pretrains Tiny's base checkpoint from the synthetic {@link Corpus}: trains the tokenizer, then
 * the model with AdamW (warmup, cosine decay, clipping), logs loss and throughput, saves the
 * model and an optimizer-state file every few minutes, and resumes from them.
 *
 * <pre>
 * mvn -q compile
 * java --add-modules jdk.incubator.vector -cp target/classes org.tunelab.lm.TrainBase \
 *      --threads 1 --tokens 80000000 --seed 1 --out /work/tiny-run/tiny-base.bin [--resume]
 * </pre>
 * To continue pretraining a checkpoint (e.g. on a changed corpus) when its optimizer state is
 * gone, {@code --init PATH} starts from that checkpoint's weights and tokenizer with fresh AdamW
 * moments and the usual schedule (warmup from step 0, so give a short --warmup and a lower --lr);
 * --tokens then counts only the tokens of this run. Without --init the model starts from random
 * weights and a tokenizer trained on the corpus.
 *
 * Batch b of step s is drawn from {@code SplittableRandom(seed, s, b)} alone, so a resumed run
 * sees exactly the data an uninterrupted run would. Flags: --threads (default: all cores),
 * --tokens (total training tokens), --seed, --out, --resume, --batch (sequences per step,
 * default 16), --seq (tokens per sequence, default the context 256), --lr (2e-3), --warmup (200
 * steps), --layers/--dim/--heads/--context (default the recipe), --save-minutes (5),
 * --stop-after (steps in this run, then save and exit; resume later), --tokenizer-chars (2,000,000),
 * --init (see above; --resume wins once the run has saved its own state), --corpus (tiny1: the
 * synthetic {@link Corpus}; tiny2: {@link Pretraining} over the {@link Lexicon}, whose npm sources
 * are under --sources, default data/tiny-sources/node_modules: bin/tiny-sources installs them),
 * --tokenizer-from PATH (a fresh run takes that checkpoint's tokenizer instead of training one, so
 * that token counts the lessons quote stay the same across runs).
 * Same seed and same --threads give the same checkpoint (the gradient is summed per thread, so
 * another thread count changes the float rounding).
 */
public final class TrainBase {

    private TrainBase() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = flags(args);
        int threads = Integer.parseInt(a.getOrDefault("threads", "" + Runtime.getRuntime().availableProcessors()));
        long tokens = Long.parseLong(a.getOrDefault("tokens", "80000000"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        Path out = Path.of(a.getOrDefault("out", "tiny-run/tiny-base.bin"));
        Path statePath = out.resolveSibling(out.getFileName() + ".state");
        int batch = Integer.parseInt(a.getOrDefault("batch", "16"));
        float lrMax = Float.parseFloat(a.getOrDefault("lr", "2e-3"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "200"));
        double saveMinutes = Double.parseDouble(a.getOrDefault("save-minutes", "5"));
        TinyConfig base = TinyConfig.base();
        TinyConfig cfg = new TinyConfig(base.vocabSize(), Integer.parseInt(a.getOrDefault("dim", "" + base.dim())),
                Integer.parseInt(a.getOrDefault("layers", "" + base.layers())), Integer.parseInt(a.getOrDefault("heads", "" + base.heads())),
                Integer.parseInt(a.getOrDefault("context", "" + base.contextLength())),
                4 * Integer.parseInt(a.getOrDefault("dim", "" + base.dim())));
        int seq = Integer.parseInt(a.getOrDefault("seq", "" + cfg.contextLength()));
        int tokenizerChars = Integer.parseInt(a.getOrDefault("tokenizer-chars", "2000000"));
        long stopAfter = Long.parseLong(a.getOrDefault("stop-after", "" + Long.MAX_VALUE));
        Map<String, Double> time = new HashMap<>();
        long t0 = System.nanoTime();

        Documents corpus = a.getOrDefault("corpus", "tiny1").equals("tiny2")
            ? new Pretraining(Lexicon.load(Path.of(a.getOrDefault("sources", "data/tiny-sources/node_modules"))))
            : new Corpus();
        System.out.printf("corpus %s%n", corpus.getClass().getSimpleName());
        Tiny start;
        long step = 0;
        float[] m = null, v = null;
        if (a.containsKey("resume") && Files.exists(out) && Files.exists(statePath)) {
            start = Tiny.load(out);
            cfg = start.config();
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(statePath)))) {
                step = in.readLong();
                m = readFloats(in);
                v = readFloats(in);
            }
            System.out.printf("resumed %s at step %d%n", out, step);
        } else if (a.containsKey("init")) {
            start = Tiny.load(Path.of(a.get("init")));
            cfg = start.config();
            System.out.printf("initialized from %s (fresh optimizer, warmup %d steps)%n", a.get("init"), warmup);
        } else {
            Tokenizer tok = a.containsKey("tokenizer-from") ? Tiny.load(Path.of(a.get("tokenizer-from"))).tokenizer()
                : Tokenizer.train(corpus.sampleText(seed, tokenizerChars), cfg.vocabSize());
            start = new Tiny("tiny-base", cfg, tok, new Weights(cfg).init(seed), null);
            time.merge("tokenizer", secs(t0), Double::sum);
            System.out.printf("tokenizer: %d ids, %s in %.1f s%n", tok.vocabSize(),
                    a.containsKey("tokenizer-from") ? "read from " + a.get("tokenizer-from") : "trained", secs(t0));
        }
        Tokenizer tok = start.tokenizer();
        long totalSteps = Math.max(1, tokens / ((long) batch * seq));
        System.out.printf("config %s, %d parameters, %d steps of %d x %d tokens, %d threads, kernel %s%n",
                cfg, cfg.parameterCount(), totalSteps, batch, seq, threads, Kernel.best().name());
        List<Trainer.Sequence> val = new ArrayList<>();
        for (int i = 0; i < 8; i++) val.add(new Trainer.Sequence(pack(corpus, tok, new SplittableRandom(seed ^ 0x5eed_0000L + i), seq), 1));

        try (Trainer tr = new Trainer(cfg, start.parameters(), threads)) {
            if (m != null) {
                System.arraycopy(m, 0, tr.adamM(), 0, m.length);
                System.arraycopy(v, 0, tr.adamV(), 0, v.length);
                tr.setStep(step);
            }
            long lastSave = System.nanoTime(), tLoop = System.nanoTime();
            double smooth = Double.NaN;
            long first = step;
            for (; step < totalSteps && step - first < stopAfter; step++) {
                long ta = System.nanoTime();
                List<Trainer.Sequence> b = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    b.add(new Trainer.Sequence(pack(corpus, tok, new SplittableRandom(seed * 1_000_003L + step * 131 + i), seq), 1));
                }
                long tb = System.nanoTime();
                double loss = tr.gradient(b);
                long tc = System.nanoTime();
                float lr = lr(step, warmup, totalSteps, lrMax);
                tr.update(lr, 0.1f, 1.0f);
                long td = System.nanoTime();
                time.merge("data (generate + tokenize)", (tb - ta) / 1e9, Double::sum);
                time.merge("forward + backward", (tc - tb) / 1e9, Double::sum);
                time.merge("AdamW + clipping", (td - tc) / 1e9, Double::sum);
                smooth = Double.isNaN(smooth) ? loss : 0.95 * smooth + 0.05 * loss;
                if (step % 10 == 0) {
                    double el = (System.nanoTime() - tLoop) / 1e9;
                    System.out.printf("step %d/%d: train loss %.4f (avg %.4f) lr %.2e (%.0f ms/step, %.0f tok/s)%n", step, totalSteps,
                            loss, smooth, lr, (td - ta) / 1e6, (double) batch * seq * 10 / Math.max(el, 1e-9));
                    tLoop = System.nanoTime();
                }
                if ((System.nanoTime() - lastSave) / 6e10 > saveMinutes || step + 1 == totalSteps || step + 1 - first == stopAfter) {
                    long ts = System.nanoTime();
                    double vl = tr.loss(val);
                    time.merge("validation", (System.nanoTime() - ts) / 1e9, Double::sum);
                    ts = System.nanoTime();
                    save(cfg, tok, tr, step + 1, out, statePath);
                    time.merge("checkpoint I/O", (System.nanoTime() - ts) / 1e9, Double::sum);
                    System.out.printf("step %d: val loss %.4f, saved %s (%.1f tokens seen)%n", step + 1, vl, out,
                            (double) (step + 1) * batch * seq);
                    lastSave = System.nanoTime();
                }
            }
        }
        System.out.println("where the time went:");
        double total = secs(t0);
        time.forEach((k, s) -> System.out.printf("  %-28s %9.1f s  %5.1f%%%n", k, s, 100 * s / total));
        System.out.printf("  %-28s %9.1f s%n", "total", total);
    }

    /** Linear warmup, then cosine decay to 10% of the peak. */
    static float lr(long step, int warmup, long total, float max) {
        if (step < warmup) return max * (step + 1) / warmup;
        double p = (double) (step - warmup) / Math.max(1, total - warmup);
        return (float) (max * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, p)))));
    }

    /** seq + 1 tokens of documents separated by end-of-text (the last one cut off). */
    static int[] pack(Documents corpus, Tokenizer tok, SplittableRandom r, int seq) {
        int[] out = new int[seq + 1];
        int n = 0;
        while (n < out.length) {
            int[] d = tok.encode(corpus.document(r));
            int k = Math.min(d.length, out.length - n);
            System.arraycopy(d, 0, out, n, k);
            n += k;
            if (n < out.length) out[n++] = Tokenizer.EOT;
        }
        return out;
    }

    private static void save(TinyConfig cfg, Tokenizer tok, Trainer tr, long step, Path out, Path statePath) throws IOException {
        new Tiny("tiny-base", cfg, tok, tr.params().clone(), null).save(out);
        Path tmp = statePath.resolveSibling(statePath.getFileName() + ".tmp");
        try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
            o.writeLong(step);
            writeFloats(o, tr.adamM());
            writeFloats(o, tr.adamV());
        }
        Files.move(tmp, statePath, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeFloats(DataOutputStream o, float[] f) throws IOException {
        o.writeInt(f.length);
        ByteBuffer b = ByteBuffer.allocate(f.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(f);
        o.write(b.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] f = new float[in.readInt()];
        byte[] bytes = new byte[f.length * 4];
        in.readFully(bytes);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** --key value pairs and bare --flags. */
    static Map<String, String> flags(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + args[i]);
            String k = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) m.put(k, args[++i]);
            else m.put(k, "true");
        }
        return m;
    }
}
