package org.tunelab.lm;

import java.util.List;

/**
 * Low-rank adapter: for each target matrix W (K, N) of {@link Weights#loraTargets()} (wqkv, wo,
 * w1, w2 of every layer) a pair A (K, r), B (r, N) with W' = W + (alpha / r) A B. B starts at zero
 * so a fresh adapter changes nothing.
 *
 * @param id     a name for the adapter (stored in its checkpoint)
 * @param baseId the id of the model it adapts
 * @param rank   r
 * @param alpha  scale numerator
 * @param data   every target's A then B, in target order
 */
public record LoraAdapter(String id, String baseId, int rank, float alpha, float[] data) {

    /** Floats needed for an adapter of rank r on these weights. */
    public static int size(Weights w, int r) {
        int n = 0;
        for (Weights.Tensor t : w.loraTargets()) n += r * (t.rows() + t.cols());
        return n;
    }

    /** A (K, r) random N(0, 1/K), B (r, N) zero. */
    public static LoraAdapter init(Weights w, String id, String baseId, int r, float alpha, long seed) {
        float[] d = new float[size(w, r)];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int o = 0;
        for (Weights.Tensor t : w.loraTargets()) {
            double sd = 1.0 / Math.sqrt(t.rows());
            for (int i = 0; i < t.rows() * r; i++) d[o + i] = (float) (Weights.gaussian(rnd) * sd);
            o += r * (t.rows() + t.cols());
        }
        return new LoraAdapter(id, baseId, r, alpha, d);
    }

    public float scale() {
        return alpha / rank;
    }

    /** Offset of target i's A (K, r) in data; its B (r, N) follows. */
    public int offsetA(List<Weights.Tensor> targets, int i) {
        int o = 0;
        for (int j = 0; j < i; j++) o += rank * (targets.get(j).rows() + targets.get(j).cols());
        return o;
    }

    /** params + scale * A B for every target: the merged weights. */
    public float[] merge(Weights w, float[] params, Kernel kernel) {
        float[] out = params.clone();
        List<Weights.Tensor> ts = w.loraTargets();
        int o = 0;
        float[] scaledB = null;
        for (Weights.Tensor t : ts) {
            int K = t.rows(), N = t.cols();
            if (scaledB == null || scaledB.length < rank * N) scaledB = new float[rank * N];
            for (int i = 0; i < rank * N; i++) scaledB[i] = data[o + K * rank + i] * scale();
            kernel.matmul(out, t.offset(), data, o, scaledB, 0, K, rank, N, true);
            o += rank * (K + N);
        }
        return out;
    }
}
