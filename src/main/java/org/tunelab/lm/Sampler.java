package org.tunelab.lm;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Picks the next token from logits: greedy (argmax), or temperature plus top-p from a seeded stream. */
public final class Sampler {

    private final double temperature;
    private final double topP;
    private final SplittableRandom random;

    public Sampler(double temperature, double topP, long seed) {
        this.temperature = temperature;
        this.topP = topP;
        this.random = new SplittableRandom(seed);
    }

    /** The next token id; {@code logits} (V) is overwritten with probabilities when sampling. */
    public int sample(float[] logits, int V) {
        if (temperature == 0) return argmax(logits, V);
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < V; i++) max = Math.max(max, logits[i]);
        double sum = 0;
        for (int i = 0; i < V; i++) { logits[i] = (float) Math.exp((logits[i] - max) / temperature); sum += logits[i]; }
        for (int i = 0; i < V; i++) logits[i] /= sum;
        double u = random.nextDouble();
        if (topP >= 1) {
            double c = 0;
            for (int i = 0; i < V; i++) { c += logits[i]; if (u < c) return i; }
            return V - 1;
        }
        Integer[] order = new Integer[V];
        for (int i = 0; i < V; i++) order[i] = i;
        float[] p = logits;
        Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
        double mass = 0;
        int n = 0;
        while (n < V && mass < topP) mass += p[order[n++]];
        double c = 0;
        for (int i = 0; i < n; i++) { c += p[order[i]] / mass; if (u < c) return order[i]; }
        return order[n - 1];
    }

    static int argmax(float[] x, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (x[i] > x[best]) best = i;
        return best;
    }
}
