package org.tunelab.play;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in US dollars, with the tokens it paid for. From {@link Price#request}, {@link Price#training} or
 * {@link Prices#request(Completion)}; add and multiply them to cost out a month.
 *
 * <pre>{@code
 * Cost one = Prices.defaults().request(completion);   // $0.0000396 (261 input + 2 output tokens, gpt-4o-mini)
 * one.times(50_000).usd()                              // a month of 50,000 such requests
 * one.plus(price.training(40_000, 3))
 * }</pre>
 *
 * @param model          the model (or models, joined by " + ") it is for
 * @param inputTokens    input tokens paid for
 * @param outputTokens   output tokens paid for
 * @param trainingTokens training tokens paid for (tokens x epochs)
 * @param usd            the amount in US dollars
 */
public record Cost(String model, long inputTokens, long outputTokens, long trainingTokens, double usd) {
    public Cost {
        Objects.requireNonNull(model, "model");
    }

    /** This cost {@code n} times, e.g. a month of requests: {@code cost.times(50_000)}. */
    public Cost times(long n) {
        return new Cost(model, inputTokens * n, outputTokens * n, trainingTokens * n, usd * n);
    }

    /** This cost and another together: {@code requests.plus(training)}. */
    public Cost plus(Cost other) {
        String both = model.equals(other.model) ? model : model + " + " + other.model;
        return new Cost(both, inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                trainingTokens + other.trainingTokens, usd + other.usd);
    }

    /** {@code "$0.0000396 (261 input + 2 output tokens, gpt-4o-mini)"}. */
    @Override
    public String toString() {
        StringBuilder tokens = new StringBuilder();
        if (inputTokens != 0 || outputTokens != 0) {
            tokens.append(String.format(Locale.ROOT, "%,d input + %,d output tokens", inputTokens, outputTokens));
        }
        if (trainingTokens != 0) {
            tokens.append(tokens.length() == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%,d training tokens", trainingTokens));
        }
        return dollars(usd) + " (" + (tokens.length() == 0 ? "" : tokens + ", ") + model + ")";
    }

    /** An amount as text: {@code "$1,234.50"}, {@code "$0.024"}, {@code "$0.0000396"} (3 significant digits below $1). */
    public static String dollars(double usd) {
        if (Double.isNaN(usd) || Double.isInfinite(usd)) {
            return "$" + usd;
        }
        if (Math.abs(usd) >= 1 || usd == 0) {
            return String.format(Locale.ROOT, "$%,.2f", usd);
        }
        return "$" + new BigDecimal(usd).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
