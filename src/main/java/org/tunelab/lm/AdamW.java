package org.tunelab.lm;

/** AdamW (beta1 0.9, beta2 0.95, eps 1e-8) with global-norm gradient clipping, over one flat vector. */
public final class AdamW {

    private final float[] m, v;    // (n) first and second moments
    private final boolean[] decay; // (n) which entries get weight decay (null: all)
    private long step;

    public AdamW(int n, boolean[] decay) {
        this.m = new float[n];
        this.v = new float[n];
        this.decay = decay;
    }

    public float[] m() { return m; }
    public float[] v() { return v; }
    public long step() { return step; }
    public void setStep(long s) { step = s; }

    /** Clips grad to global norm {@code clip} (0: no clipping), updates params; returns the norm before clipping. */
    public double update(float[] params, float[] grad, float lr, float weightDecay, float clip) {
        double norm = 0;
        for (float x : grad) norm += x * x;
        norm = Math.sqrt(norm);
        float c = clip > 0 && norm > clip ? (float) (clip / norm) : 1f;
        step++;
        float b1 = 0.9f, b2 = 0.95f;
        float bc1 = (float) (1 - Math.pow(b1, step)), bc2 = (float) (1 - Math.pow(b2, step));
        for (int i = 0; i < params.length; i++) {
            float gi = grad[i] * c;
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            float upd = (m[i] / bc1) / ((float) Math.sqrt(v[i] / bc2) + 1e-8f);
            if (decay == null || decay[i]) upd += weightDecay * params[i];
            params[i] -= lr * upd;
        }
        return norm;
    }
}
