package org.tunelab.play;

import java.util.Objects;

/**
 * What one model costs, in US dollars per million tokens: tokens read (input), tokens written (output), and tokens
 * trained on when fine-tuning it (per epoch). Get one from {@link Prices}, or make your own.
 *
 * <pre>{@code
 * Price mini = Prices.defaults().get("gpt-4o-mini");
 * mini.request(261, 2)                        // one request: 261 prompt tokens in, 2 tokens out
 * mini.request(completion)                    // what a Completion cost
 * mini.training(40_000, 3)                    // fine-tuning on 40,000 tokens for 3 epochs
 * new Price("my-model", 0.5, 1.5, 4)
 * }</pre>
 *
 * @param model              the model's name, e.g. "gpt-4o-mini" or "ft:gpt-4o-mini"
 * @param inputPerMillion    USD per 1M input (prompt) tokens
 * @param outputPerMillion   USD per 1M output (completion) tokens
 * @param trainingPerMillion USD per 1M training tokens (tokens x epochs); NaN if the model cannot be fine-tuned
 */
public record Price(String model, double inputPerMillion, double outputPerMillion, double trainingPerMillion) {
    public Price {
        Objects.requireNonNull(model, "model");
        check(model, "input", inputPerMillion);
        check(model, "output", outputPerMillion);
        if (trainingPerMillion < 0 || Double.isInfinite(trainingPerMillion)) {
            throw new IllegalArgumentException("price of " + model + ": training " + trainingPerMillion
                    + " USD per 1M tokens; give 0 or more, or NaN if it cannot be fine-tuned");
        }
    }

    /** The cost of one request that reads {@code inputTokens} and writes {@code outputTokens}: {@code price.request(261, 2)}. */
    public Cost request(long inputTokens, long outputTokens) {
        return new Cost(model, inputTokens, outputTokens, 0,
                (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1e6);
    }

    /** The cost of the request that gave {@code completion}, from its token counts: {@code price.request(c)}. */
    public Cost request(Completion completion) {
        return request(completion.promptTokens(), completion.completionTokens());
    }

    /**
     * USD for a request of a mean size (token counts need not be whole): {@code price.perRequest(62.5, 1.5)}.
     */
    public double perRequest(double inputTokens, double outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1e6;
    }

    /**
     * The cost of fine-tuning on {@code tokens} training tokens for {@code epochs} epochs: tokens x epochs x price.
     * <pre>{@code price.training(40_000, 3)}</pre>
     *
     * @throws IllegalStateException if the model has no training price
     */
    public Cost training(long tokens, int epochs) {
        if (Double.isNaN(trainingPerMillion)) {
            throw new IllegalStateException(model + " has no training price: it cannot be fine-tuned here; "
                    + "set one with prices.with(\"" + model + "\", input, output, training)");
        }
        if (tokens < 0 || epochs < 1) {
            throw new IllegalArgumentException("training(" + tokens + ", " + epochs + "): give 0 or more tokens and 1 or more epochs");
        }
        long trained = Math.multiplyExact(tokens, (long) epochs);
        return new Cost(model, 0, 0, trained, trained * trainingPerMillion / 1e6);
    }

    /** {@code "gpt-4o-mini: $0.15 in, $0.6 out, $3 training per 1M tokens"}. */
    @Override
    public String toString() {
        return model + ": $" + Table.text(inputPerMillion) + " in, $" + Table.text(outputPerMillion) + " out, "
                + (Double.isNaN(trainingPerMillion) ? "no training" : "$" + Table.text(trainingPerMillion) + " training")
                + " per 1M tokens";
    }

    private static void check(String model, String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("price of " + model + ": " + what + " " + value + " USD per 1M tokens; give 0 or more");
        }
    }
}
