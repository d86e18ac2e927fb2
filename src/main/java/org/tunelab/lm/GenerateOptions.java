package org.tunelab.lm;

import java.util.List;

/**
 * How {@link Tiny#generate} picks tokens.
 *
 * @param maxTokens   most completion tokens to produce
 * @param temperature 0 means greedy (always the most likely token)
 * @param topP        nucleus sampling: sample only from the smallest set of tokens whose
 *                    probabilities add up to topP (1 = all tokens)
 * @param seed        seed of the sampler's random numbers; same seed, same output
 * @param stop        generation ends when the completion contains one of these (it is cut off there)
 * @param truncate    if true, a prompt longer than the context keeps only its last tokens;
 *                    if false (default) it is refused with {@link ContextOverflowException}
 */
public record GenerateOptions(int maxTokens, double temperature, double topP, long seed, List<String> stop,
                              boolean truncate) {

    public GenerateOptions {
        if (maxTokens < 0) throw new IllegalArgumentException("maxTokens < 0: " + maxTokens);
        if (temperature < 0) throw new IllegalArgumentException("temperature < 0: " + temperature);
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("topP not in (0, 1]: " + topP);
        stop = List.copyOf(stop);
    }

    /** Greedy, 64 tokens, no stop sequences, no truncation. */
    public static GenerateOptions greedy() {
        return new GenerateOptions(64, 0, 1, 0, List.of(), false);
    }

    public GenerateOptions withMaxTokens(int n) { return new GenerateOptions(n, temperature, topP, seed, stop, truncate); }
    public GenerateOptions withTemperature(double t) { return new GenerateOptions(maxTokens, t, topP, seed, stop, truncate); }
    public GenerateOptions withTopP(double p) { return new GenerateOptions(maxTokens, temperature, p, seed, stop, truncate); }
    public GenerateOptions withSeed(long s) { return new GenerateOptions(maxTokens, temperature, topP, s, stop, truncate); }
    public GenerateOptions withStop(String... s) { return new GenerateOptions(maxTokens, temperature, topP, seed, List.of(s), truncate); }
    public GenerateOptions withTruncate(boolean t) { return new GenerateOptions(maxTokens, temperature, topP, seed, stop, t); }
}
