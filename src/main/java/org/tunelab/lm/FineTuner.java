package org.tunelab.lm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Fine-tunes a {@link Tiny} on {@link Example}s, fully or with LoRA; loss on completion tokens only.
 *
 * <pre>{@code
 * Tiny ft = FineTuner.fineTune(Tiny.load(), examples, FineTuneOptions.lora().withEpochs(3),
 *         p -> System.out.println(p), () -> false);
 * }</pre>
 *
 * LoRA is trained through the merged weights: each step sets W' = W + s A B, takes the full
 * gradient dW' with the ordinary backward pass, and projects it (dA = s dW' B^T, dB = s A^T dW').
 * The returned model applies the adapter on the fly; {@link Tiny#merged()} folds it in.
 */
public final class FineTuner {

    /** What a progress listener sees after every step. */
    public record Progress(int step, int totalSteps, int epoch, double loss, double validationLoss,
                           double tokensPerSecond, Duration elapsed, Duration eta) {
    }

    /** Called after every step (on the fine-tuning thread). */
    @FunctionalInterface
    public interface ProgressListener {
        void onStep(Progress p);
    }

    private FineTuner() {
    }

    /**
     * Fine-tunes a copy of {@code base}; {@code base} is not changed.
     *
     * @throws CancellationException if {@code cancelled} turns true (checked before every step)
     * @throws IllegalArgumentException if an example does not fit in the context
     */
    public static Tiny fineTune(Tiny base, List<Example> examples, FineTuneOptions o, ProgressListener listener,
                                BooleanSupplier cancelled) {
        if (examples.isEmpty()) throw new IllegalArgumentException("no examples");
        TinyConfig cfg = base.config();
        Tokenizer tok = base.tokenizer();
        List<Trainer.Sequence> all = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) all.add(sequence(tok, cfg, examples.get(i), i));
        // deterministic split and shuffles
        SplittableRandom rnd = new SplittableRandom(o.seed());
        shuffle(all, rnd);
        int nVal = (int) Math.round(all.size() * o.validationSplit());
        List<Trainer.Sequence> val = new ArrayList<>(all.subList(0, nVal));
        List<Trainer.Sequence> train = new ArrayList<>(all.subList(nVal, all.size()));
        if (train.isEmpty()) throw new IllegalArgumentException("validation split leaves no training examples");
        return train(base, examples.hashCode(), train, val, o, listener, cancelled, rnd);
    }

    /**
     * Fine-tunes a copy of {@code base} on {@code examples}, reporting the loss on {@code validation} (its own
     * examples, never trained on) about ten times during training and at the end of every epoch;
     * {@link FineTuneOptions#validationSplit()} is not used.
     *
     * @throws CancellationException if {@code cancelled} turns true (checked before every step)
     * @throws IllegalArgumentException if an example does not fit in the context
     */
    public static Tiny fineTune(Tiny base, List<Example> examples, List<Example> validation, FineTuneOptions o,
                                ProgressListener listener, BooleanSupplier cancelled) {
        if (examples.isEmpty()) throw new IllegalArgumentException("no examples");
        List<Trainer.Sequence> train = new ArrayList<>(), val = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) train.add(sequence(base.tokenizer(), base.config(), examples.get(i), i));
        for (int i = 0; i < validation.size(); i++) val.add(sequence(base.tokenizer(), base.config(), validation.get(i), i));
        SplittableRandom rnd = new SplittableRandom(o.seed());
        return train(base, examples.hashCode() * 31 + validation.hashCode(), train, val, o, listener, cancelled, rnd);
    }

    private static Tiny train(Tiny base, int dataHash, List<Trainer.Sequence> train, List<Trainer.Sequence> val,
                              FineTuneOptions o, ProgressListener listener, BooleanSupplier cancelled,
                              SplittableRandom rnd) {
        TinyConfig cfg = base.config();
        Tokenizer tok = base.tokenizer();
        int stepsPerEpoch = (train.size() + o.batchSize() - 1) / o.batchSize();
        int total = stepsPerEpoch * o.epochs();
        String id = o.id() != null ? o.id() : String.format("ft-%s-%08x", o.method().name().toLowerCase(),
                (dataHash * 31 + Long.hashCode(o.seed())) & 0xffffffffL);

        Weights w = base.weights();
        Base b = base.adapter() == null ? new Base(base.paramsShared()) : new Base(base.merged().paramsShared());
        boolean lora = o.method() == FineTuneOptions.Method.LORA;
        LoraAdapter adapter = lora ? LoraAdapter.init(w, id, base.id(), o.rank(), o.alpha(), o.seed()) : null;
        AdamW loraAdam = lora ? new AdamW(adapter.data().length, null) : null;
        float[] loraGrad = lora ? new float[adapter.data().length] : null;
        long t0 = System.nanoTime(), tokens = 0;
        double valLoss = Double.NaN;
        int valEvery = Math.max(1, total / 10);
        try (Trainer tr = new Trainer(cfg, b.params.clone(), o.threads())) {
            int step = 0;
            for (int epoch = 0; epoch < o.epochs(); epoch++) {
                shuffle(train, rnd);
                for (int s = 0; s < stepsPerEpoch; s++) {
                    if (cancelled != null && cancelled.getAsBoolean()) {
                        throw new CancellationException("fine-tuning cancelled at step " + step + " of " + total);
                    }
                    List<Trainer.Sequence> batch = train.subList(s * o.batchSize(), Math.min(train.size(), (s + 1) * o.batchSize()));
                    double loss;
                    if (lora) {
                        float[] merged = adapter.merge(w, b.params, base.kernel());
                        System.arraycopy(merged, 0, tr.params(), 0, merged.length);
                        loss = tr.gradient(batch);
                        project(w, adapter, tr.grad(), loraGrad, base.kernel());
                        loraAdam.update(adapter.data(), loraGrad, o.learningRate(), 0f, 1f);
                    } else {
                        loss = tr.trainStep(batch, o.learningRate(), 0f, 1f);
                    }
                    for (Trainer.Sequence q : batch) tokens += q.tokens().length - 1;
                    step++;
                    if ((s == stepsPerEpoch - 1 || step % valEvery == 0) && !val.isEmpty()) {
                        if (lora) System.arraycopy(adapter.merge(w, b.params, base.kernel()), 0, tr.params(), 0, b.params.length);
                        valLoss = tr.loss(val);
                    }
                    if (listener != null) {
                        double el = (System.nanoTime() - t0) / 1e9;
                        listener.onStep(new Progress(step, total, epoch + 1, loss, valLoss, tokens / el,
                                Duration.ofMillis((long) (el * 1000)), Duration.ofMillis((long) (el / step * (total - step) * 1000))));
                    }
                }
            }
            if (lora) return base.adapter() == null ? base.with(id, adapter)
                    : new Tiny(base.id() + "+merged", cfg, tok, b.params, adapter);
            return new Tiny(id, cfg, tok, tr.params().clone(), null);
        }
    }

    private record Base(float[] params) {
    }

    /** dA = s dW' B^T and dB = s A^T dW' for every target, from the full gradient g. */
    static void project(Weights w, LoraAdapter a, float[] g, float[] out, Kernel k) {
        List<Weights.Tensor> ts = w.loraTargets();
        int r = a.rank(), o = 0;
        float s = a.scale();
        float[] d = a.data();
        java.util.Arrays.fill(out, 0f);
        for (Weights.Tensor t : ts) {
            int K = t.rows(), N = t.cols();
            k.matmulNT(out, o, g, t.offset(), d, o + K * r, K, N, r, false);   // (K, r) = dW' (K, N) @ B^T
            k.matmulTN(out, o + K * r, d, o, g, t.offset(), K, r, N);          // (r, N) = A^T (r, K) @ dW' (K, N)
            for (int i = o; i < o + r * (K + N); i++) out[i] *= s;
            o += r * (K + N);
        }
    }

    /** prompt + completion + end-of-text; loss counted from the first completion token. */
    static Trainer.Sequence sequence(Tokenizer tok, TinyConfig cfg, Example e, int index) {
        int[] p = tok.encode(e.prompt()), c = tok.encode(e.completion());
        int n = p.length + c.length + 1;
        if (n > cfg.contextLength() + 1) {
            throw new IllegalArgumentException("example " + index + " is " + (n - 1) + " tokens (prompt " + p.length
                    + ", completion " + c.length + " + end-of-text) but the context holds " + cfg.contextLength());
        }
        int[] s = new int[n];
        System.arraycopy(p, 0, s, 0, p.length);
        System.arraycopy(c, 0, s, p.length, c.length);
        s[n - 1] = Tokenizer.EOT;
        return new Trainer.Sequence(s, Math.max(1, p.length));
    }

    private static <T> void shuffle(List<T> l, SplittableRandom r) {
        for (int i = l.size() - 1; i > 0; i--) java.util.Collections.swap(l, i, r.nextInt(i + 1));
    }
}
