package org.tunelab.lm;

/**
 * Shape of a Tiny model: a GPT-2 style decoder with pre-LayerNorm, learned positions, tied
 * input/output embeddings, ReLU MLP and no linear biases.
 *
 * @param vocabSize     V, tokens in the vocabulary (bytes + merges + end-of-text)
 * @param dim           C, the residual stream width (d_model)
 * @param layers        L, transformer blocks
 * @param heads         attention heads; {@code dim % heads == 0}
 * @param contextLength T max, positions the model can see
 * @param hiddenDim     H, MLP width (usually 4 * dim)
 */
public record TinyConfig(int vocabSize, int dim, int layers, int heads, int contextLength, int hiddenDim) {

    public TinyConfig {
        if (dim % heads != 0) throw new IllegalArgumentException("dim " + dim + " not divisible by heads " + heads);
        if (vocabSize < 258 || dim <= 0 || layers <= 0 || contextLength <= 0 || hiddenDim <= 0) {
            throw new IllegalArgumentException("bad config " + this);
        }
    }

    /** The recipe: d_model 128, 4 layers, 4 heads, context 256, vocabulary 1024. */
    public static TinyConfig base() {
        return new TinyConfig(1024, 128, 4, 4, 256, 512);
    }

    /** Per-head width. */
    public int headSize() {
        return dim / heads;
    }

    /** Number of floats in the parameter vector. */
    public long parameterCount() {
        return new Weights(this).size();
    }
}
