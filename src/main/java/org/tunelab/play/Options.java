package org.tunelab.play;

import java.util.List;

/**
 * How a model picks its tokens. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * Options.defaults().temperature(0.8).seed(7).maxTokens(20).stop("\n")
 * }</pre>
 *
 * @param temperature 0 always takes the most likely token (the same answer every time); higher values
 *                    sample more freely
 * @param topP        sample only from the most likely tokens whose probabilities add up to this (1 = all)
 * @param maxTokens   the most tokens the answer may have
 * @param stop        the answer ends before the first of these strings
 * @param seed        seed of the sampler: the same seed gives the same answer at any temperature
 */
public record Options(double temperature, double topP, int maxTokens, List<String> stop, long seed) {
    public Options {
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be above 0 and at most 1, was " + topP);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
        stop = List.copyOf(stop);
    }

    /** Temperature 0 (deterministic), topP 1, at most 64 tokens, no stop strings, seed 0. */
    public static Options defaults() {
        return new Options(0, 1, 64, List.of(), 0);
    }

    public Options temperature(double value) {
        return new Options(value, topP, maxTokens, stop, seed);
    }

    public Options topP(double value) {
        return new Options(temperature, value, maxTokens, stop, seed);
    }

    public Options maxTokens(int value) {
        return new Options(temperature, topP, value, stop, seed);
    }

    public Options stop(String... values) {
        return new Options(temperature, topP, maxTokens, List.of(values), seed);
    }

    public Options seed(long value) {
        return new Options(temperature, topP, maxTokens, stop, value);
    }
}
