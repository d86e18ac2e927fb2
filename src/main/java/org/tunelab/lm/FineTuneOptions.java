package org.tunelab.lm;

/**
 * Settings of one fine-tuning run.
 *
 * @param method          FULL (every weight) or LORA (rank-r adapters on wqkv, wo, w1, w2)
 * @param rank            LoRA rank r
 * @param alpha           LoRA scale numerator (the update is alpha / r * A B)
 * @param learningRate    constant AdamW learning rate
 * @param epochs          passes over the training examples
 * @param batchSize       examples per step
 * @param validationSplit fraction of the examples held out for validation loss (0 for none)
 * @param seed            shuffling and LoRA initialisation; same seed, same model
 * @param threads         worker threads (the result does not depend on it only if it stays the same)
 * @param id              id of the new model or adapter (null: derived from the seed and data)
 */
public record FineTuneOptions(Method method, int rank, float alpha, float learningRate, int epochs, int batchSize,
                              double validationSplit, long seed, int threads, String id) {

    /** Which weights change. */
    public enum Method { FULL, LORA }

    public FineTuneOptions {
        if (epochs < 1 || batchSize < 1 || rank < 1) throw new IllegalArgumentException("epochs, batchSize, rank must be >= 1");
        if (validationSplit < 0 || validationSplit >= 1) throw new IllegalArgumentException("validationSplit not in [0, 1)");
    }

    /** Full fine-tuning: lr 1e-3, 3 epochs, batch 8, no validation split, seed 0, all cores. */
    public static FineTuneOptions full() {
        return new FineTuneOptions(Method.FULL, 8, 16, 1e-3f, 3, 8, 0, 0, Runtime.getRuntime().availableProcessors(), null);
    }

    /** LoRA rank 8, alpha 16, lr 3e-3, 3 epochs, batch 8. */
    public static FineTuneOptions lora() {
        return new FineTuneOptions(Method.LORA, 8, 16, 3e-3f, 3, 8, 0, 0, Runtime.getRuntime().availableProcessors(), null);
    }

    public FineTuneOptions withLearningRate(float lr) { return new FineTuneOptions(method, rank, alpha, lr, epochs, batchSize, validationSplit, seed, threads, id); }
    public FineTuneOptions withEpochs(int e) { return new FineTuneOptions(method, rank, alpha, learningRate, e, batchSize, validationSplit, seed, threads, id); }
    public FineTuneOptions withBatchSize(int b) { return new FineTuneOptions(method, rank, alpha, learningRate, epochs, b, validationSplit, seed, threads, id); }
    public FineTuneOptions withValidationSplit(double v) { return new FineTuneOptions(method, rank, alpha, learningRate, epochs, batchSize, v, seed, threads, id); }
    public FineTuneOptions withSeed(long s) { return new FineTuneOptions(method, rank, alpha, learningRate, epochs, batchSize, validationSplit, s, threads, id); }
    public FineTuneOptions withThreads(int t) { return new FineTuneOptions(method, rank, alpha, learningRate, epochs, batchSize, validationSplit, seed, t, id); }
    public FineTuneOptions withRank(int r) { return new FineTuneOptions(method, r, alpha, learningRate, epochs, batchSize, validationSplit, seed, threads, id); }
    public FineTuneOptions withId(String i) { return new FineTuneOptions(method, rank, alpha, learningRate, epochs, batchSize, validationSplit, seed, threads, i); }
}
