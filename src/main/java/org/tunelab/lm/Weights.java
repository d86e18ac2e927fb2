package org.tunelab.lm;

import java.util.ArrayList;
import java.util.List;

/**
 * Layout of every parameter inside one flat {@code float[]} (so that AdamW, clipping, LoRA
 * merging and checkpoints see one vector). Matrices are row-major {@code (in, out)} so the
 * forward pass is {@code y = x @ W}; the token embedding is {@code (V, C)} and is reused,
 * transposed, as the output projection (tied embeddings).
 *
 * <p>Order in the vector (and in checkpoints):
 * <pre>
 * wte   (V, C)        token embedding, also the logits projection
 * wpe   (T, C)        learned positions
 * per layer l = 0..L-1:
 *   ln1w (C)  ln1b (C)  pre-attention LayerNorm
 *   wqkv (C, 3C)        query | key | value projections side by side
 *   wo   (C, C)         attention output projection
 *   ln2w (C)  ln2b (C)  pre-MLP LayerNorm
 *   w1   (C, H)         MLP up projection (ReLU after it)
 *   w2   (H, C)         MLP down projection
 * lnfw (C)  lnfb (C)  final LayerNorm
 * </pre>
 */
public final class Weights {

    /** One named slice of the vector. */
    public record Tensor(String name, int offset, int rows, int cols) {
        public int size() {
            return rows * cols;
        }
    }

    private final TinyConfig c;
    private final int wte;   // (V, C)
    private final int wpe;   // (T, C)
    private final int layer0; // start of layer 0
    private final int layerSize;
    private final int lnfw;  // (C)
    private final int lnfb;  // (C)
    private final int size;

    public Weights(TinyConfig c) {
        this.c = c;
        int C = c.dim(), H = c.hiddenDim();
        wte = 0;
        wpe = c.vocabSize() * C;
        layer0 = wpe + c.contextLength() * C;
        layerSize = 2 * C + 3 * C * C + C * C + 2 * C + 2 * C * H;
        lnfw = layer0 + c.layers() * layerSize;
        lnfb = lnfw + C;
        size = lnfb + C;
    }

    public TinyConfig config() { return c; }
    public int size() { return size; }
    public int wte() { return wte; }
    public int wpe() { return wpe; }
    public int ln1w(int l) { return layer0 + l * layerSize; }
    public int ln1b(int l) { return ln1w(l) + c.dim(); }
    public int wqkv(int l) { return ln1b(l) + c.dim(); }
    public int wo(int l) { return wqkv(l) + 3 * c.dim() * c.dim(); }
    public int ln2w(int l) { return wo(l) + c.dim() * c.dim(); }
    public int ln2b(int l) { return ln2w(l) + c.dim(); }
    public int w1(int l) { return ln2b(l) + c.dim(); }
    public int w2(int l) { return w1(l) + c.dim() * c.hiddenDim(); }
    public int lnfw() { return lnfw; }
    public int lnfb() { return lnfb; }

    /** Every tensor in vector order, named as in the class comment ("h2.wqkv"). */
    public List<Tensor> tensors() {
        int C = c.dim(), H = c.hiddenDim();
        List<Tensor> t = new ArrayList<>();
        t.add(new Tensor("wte", wte, c.vocabSize(), C));
        t.add(new Tensor("wpe", wpe, c.contextLength(), C));
        for (int l = 0; l < c.layers(); l++) {
            String p = "h" + l + ".";
            t.add(new Tensor(p + "ln1w", ln1w(l), 1, C));
            t.add(new Tensor(p + "ln1b", ln1b(l), 1, C));
            t.add(new Tensor(p + "wqkv", wqkv(l), C, 3 * C));
            t.add(new Tensor(p + "wo", wo(l), C, C));
            t.add(new Tensor(p + "ln2w", ln2w(l), 1, C));
            t.add(new Tensor(p + "ln2b", ln2b(l), 1, C));
            t.add(new Tensor(p + "w1", w1(l), C, H));
            t.add(new Tensor(p + "w2", w2(l), H, C));
        }
        t.add(new Tensor("lnfw", lnfw, 1, C));
        t.add(new Tensor("lnfb", lnfb, 1, C));
        return t;
    }

    /** The matrices LoRA adapts: wqkv, wo, w1, w2 of every layer. */
    public List<Tensor> loraTargets() {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : tensors()) {
            if (t.name().endsWith("wqkv") || t.name().endsWith("wo") || t.name().endsWith("w1") || t.name().endsWith("w2")) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Writes every matrix of p transposed into the same place in pT: wte as (C, V), wqkv as
     * (3C, C), wo as (C, C), w1 as (H, C), w2 as (C, H). The backward pass then multiplies by
     * W^T with the fast row-major kernel instead of the slower dot-product one.
     */
    public void transposeMatrices(float[] p, float[] pT) {
        for (Tensor t : tensors()) {
            if (t.rows() == 1 || t.name().equals("wpe")) continue;
            int R = t.rows(), C = t.cols(), o = t.offset();
            for (int r0 = 0; r0 < R; r0 += 32) {
                for (int c0 = 0; c0 < C; c0 += 32) {
                    for (int r = r0; r < Math.min(R, r0 + 32); r++) {
                        for (int c = c0; c < Math.min(C, c0 + 32); c++) pT[o + c * R + r] = p[o + r * C + c];
                    }
                }
            }
        }
    }

    /** GPT-2 initialisation: N(0, 0.02), residual projections scaled by 1/sqrt(2L), LayerNorm gain 1. */
    public float[] init(long seed) {
        float[] p = new float[size];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double resid = 0.02 / Math.sqrt(2.0 * c.layers());
        for (Tensor t : tensors()) {
            String n = t.name();
            boolean ln = n.contains("ln");
            for (int i = 0; i < t.size(); i++) {
                float v;
                if (ln) v = n.endsWith("w") ? 1f : 0f;
                else v = (float) (gaussian(r) * ((n.endsWith("wo") || n.endsWith("w2")) ? resid : 0.02));
                p[t.offset() + i] = v;
            }
        }
        return p;
    }

    static double gaussian(java.util.SplittableRandom r) {
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }
}
