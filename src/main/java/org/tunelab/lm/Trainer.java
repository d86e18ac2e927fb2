package org.tunelab.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One optimisation step at a time: the gradient of a batch of sequences (split over worker
 * threads, each with its own activations and gradient buffer), global-norm clipping, then
 * AdamW. Nothing here knows what the sequences mean; {@link FineTuner} and {@code TrainBase}
 * decide that.
 */
public final class Trainer implements AutoCloseable {

    /** A training sequence; the loss counts only targets at index {@code >= lossFrom}. */
    public record Sequence(int[] tokens, int lossFrom) {
        public int counted() {
            return Math.max(0, tokens.length - Math.max(1, lossFrom));
        }
    }

    private final TinyConfig cfg;
    private final Weights w;
    private final Kernel kernel;
    private final float[] params;  // (P) trained in place
    private final AdamW adam;      // moments over params; weight decay on matrices only
    private final float[][] grads; // (threads, P)
    private final Tiny.Acts[] acts; // (threads) sized for the longest sequence seen so far
    private final float[] paramsT;  // (P) matrices of params transposed, refreshed per gradient
    private final ExecutorService pool;

    public Trainer(TinyConfig cfg, float[] params, int threads) {
        this.cfg = cfg;
        this.w = new Weights(cfg);
        this.kernel = Kernel.best();
        this.params = params;
        boolean[] decay = new boolean[params.length];
        for (Weights.Tensor t : w.tensors()) {
            if (t.rows() > 1) java.util.Arrays.fill(decay, t.offset(), t.offset() + t.size(), true);
        }
        this.adam = new AdamW(params.length, decay);
        threads = Math.max(1, threads);
        this.grads = new float[threads][params.length];
        this.acts = new Tiny.Acts[threads];
        this.paramsT = new float[params.length];
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tiny-trainer");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    public float[] params() { return params; }
    public float[] adamM() { return adam.m(); }
    public float[] adamV() { return adam.v(); }
    public long step() { return adam.step(); }
    public void setStep(long s) { adam.setStep(s); }

    /** Gradient of the mean counted loss over the batch into grads[0]; returns that mean loss. */
    public double gradient(List<Sequence> batch) {
        long n = 0;
        for (Sequence s : batch) n += s.counted();
        if (n == 0) throw new IllegalArgumentException("batch has no counted tokens");
        float scale = 1f / n;
        int th = grads.length;
        ensureActs(batch);
        w.transposeMatrices(params, paramsT);
        for (float[] g : grads) java.util.Arrays.fill(g, 0f);
        double loss;
        if (th == 1) {
            loss = 0;
            for (Sequence s : batch) loss += Tiny.forwardBackward(cfg, w, kernel, params, paramsT, grads[0], s.tokens(), s.lossFrom(), scale, acts[0]);
        } else {
            List<Future<Double>> parts = new ArrayList<>();
            for (int i = 0; i < th; i++) {
                int id = i;
                parts.add(pool.submit(() -> {
                    double l = 0;
                    for (int j = id; j < batch.size(); j += th) {
                        Sequence s = batch.get(j);
                        l += Tiny.forwardBackward(cfg, w, kernel, params, paramsT, grads[id], s.tokens(), s.lossFrom(), scale, acts[id]);
                    }
                    return l;
                }));
            }
            loss = 0;
            try {
                for (Future<Double> f : parts) loss += f.get();
            } catch (Exception e) {
                throw new IllegalStateException("training worker failed", e);
            }
            for (int i = 1; i < th; i++) kernel.axpy(grads[0], 0, 1f, grads[i], 0, params.length);
        }
        return loss / n;
    }

    /** Mean counted loss of the sequences without changing anything. */
    public double loss(List<Sequence> seqs) {
        double loss = 0;
        long n = 0;
        ensureActs(seqs);
        for (Sequence s : seqs) {
            loss += Tiny.forwardBackward(cfg, w, kernel, params, null, s.tokens(), s.lossFrom(), 1f, acts[0]);
            n += s.counted();
        }
        return n == 0 ? Double.NaN : loss / n;
    }

    private void ensureActs(List<Sequence> seqs) {
        int maxT = 1;
        for (Sequence s : seqs) maxT = Math.max(maxT, s.tokens().length - 1);
        for (int i = 0; i < acts.length; i++) {
            if (acts[i] == null || acts[i].T < maxT) acts[i] = new Tiny.Acts(cfg, Math.min(cfg.contextLength(), Math.max(maxT, 32)));
        }
    }

    /** The current gradient (after {@link #gradient}). */
    public float[] grad() {
        return grads[0];
    }

    /** One AdamW step on the parameters after clipping the gradient to global norm clip. */
    public double update(float lr, float weightDecay, float clip) {
        return adam.update(params, grads[0], lr, weightDecay, clip);
    }

    /** One full step: gradient, clip, AdamW. Returns the batch's mean loss. */
    public double trainStep(List<Sequence> batch, float lr, float weightDecay, float clip) {
        double loss = gradient(batch);
        update(lr, weightDecay, clip);
        return loss;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
