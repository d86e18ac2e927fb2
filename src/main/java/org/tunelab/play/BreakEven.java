package org.tunelab.play;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * When fine-tuning pays for itself: (A) a long few-shot prompt on a base model against (B) a short prompt on a
 * fine-tuned model, which costs its training once and then less per request. Immutable; each method returns a
 * changed copy. Shown in a cell, it is a line chart of monthly cost against monthly requests.
 *
 * <pre>{@code
 * Prices prices = Prices.defaults();
 * BreakEven b = BreakEven.fewShot(prices.get("gpt-4o-mini"), 261)     // A: 261 prompt tokens a request
 *         .fineTuned(prices.get("ft:gpt-4o-mini"), 21)                // B: 21 prompt tokens a request
 *         .answerTokens(2)
 *         .training(40_000, 3);                                       // 40,000 tokens x 3 epochs
 * b.requestsPerMonth()     // where the costs cross
 * b                        // "Fine-tuning pays off above 12,345 requests a month ..." and the chart
 * }</pre>
 *
 * <p>A month of A costs {@code v x (A's cost per request)}; a month of B costs
 * {@code training / months + v x (B's cost per request)}, with the training counted in one month unless
 * {@link #months} spreads it. The costs cross at {@code v = training / (months x (A per request - B per request))}.
 * Token counts can come from evaluations ({@link #fewShot(Price, EvalResult)}): their mean prompt and answer tokens.
 */
public final class BreakEven implements Displayable {
    private final Side a;
    private final Side b; // null until fineTuned(...)
    private final long trainingTokens;
    private final int epochs;
    private final int months;

    /** One way to answer: a price, and the mean tokens a request reads and writes. */
    private record Side(String name, Price price, double promptTokens, double answerTokens) {
        double perRequest() {
            return price.perRequest(promptTokens, answerTokens);
        }
    }

    private BreakEven(Side a, Side b, long trainingTokens, int epochs, int months) {
        this.a = a;
        this.b = b;
        this.trainingTokens = trainingTokens;
        this.epochs = epochs;
        this.months = months;
    }

    /**
     * Side A: a few-shot prompt of {@code promptTokens} tokens on a model of this price.
     * <pre>{@code BreakEven.fewShot(prices.get("gpt-4o-mini"), 261)}</pre>
     */
    public static BreakEven fewShot(Price price, double promptTokens) {
        return new BreakEven(side("few-shot", price, promptTokens, 1), null, 0, 1, 1);
    }

    /**
     * Side A from an evaluation: its mean prompt and answer tokens.
     * <pre>{@code BreakEven.fewShot(prices.get("tiny"), comparison.result("4-shot base"))}</pre>
     */
    public static BreakEven fewShot(Price price, EvalResult result) {
        return new BreakEven(side("few-shot", price, result.meanPromptTokens(), result.meanCompletionTokens()), null, 0, 1, 1);
    }

    /**
     * Side B: a short prompt of {@code promptTokens} tokens on a fine-tuned model of this price (its training price
     * is what {@link #training} costs). <pre>{@code .fineTuned(prices.get("ft:gpt-4o-mini"), 21)}</pre>
     */
    public BreakEven fineTuned(Price price, double promptTokens) {
        return new BreakEven(a, side("fine-tuned", price, promptTokens, a.answerTokens), trainingTokens, epochs, months);
    }

    /** Side B from an evaluation: {@code .fineTuned(prices.get("ft:tiny"), comparison.result("tuned"))}. */
    public BreakEven fineTuned(Price price, EvalResult result) {
        return new BreakEven(a, side("fine-tuned", price, result.meanPromptTokens(), result.meanCompletionTokens()),
                trainingTokens, epochs, months);
    }

    /** Both sides answer with this many tokens a request (1 unless set): {@code .answerTokens(2)}. */
    public BreakEven answerTokens(double tokens) {
        return new BreakEven(side(a.name, a.price, a.promptTokens, tokens),
                b == null ? null : side(b.name, b.price, b.promptTokens, tokens), trainingTokens, epochs, months);
    }

    /** Fine-tuning on {@code tokens} training tokens for {@code epochs} epochs: {@code .training(40_000, 3)}. */
    public BreakEven training(long tokens, int epochs) {
        if (tokens < 0 || epochs < 1) {
            throw new IllegalArgumentException("training(" + tokens + ", " + epochs + "): give 0 or more tokens and 1 or more epochs");
        }
        return new BreakEven(a, b, tokens, epochs, months);
    }

    /**
     * Fine-tuning on a dataset for {@code epochs} epochs, its tokens counted in {@code encoding}.
     * <pre>{@code .training(data, Tokens.cl100k(), 3)}</pre>
     */
    public BreakEven training(Dataset data, Encoding encoding, int epochs) {
        return training(data.stats(encoding).tokensTotal(), epochs);
    }

    /** Spreads the training cost over this many months (1 unless set): {@code .months(12)}. */
    public BreakEven months(int months) {
        if (months < 1) {
            throw new IllegalArgumentException("months(" + months + "): spread the training over 1 month or more");
        }
        return new BreakEven(a, b, trainingTokens, epochs, months);
    }

    // ---------------------------------------------------------------- the numbers

    /** USD a request costs on side A (few-shot). */
    public double fewShotPerRequest() {
        return a.perRequest();
    }

    /** USD a request costs on side B (fine-tuned). */
    public double fineTunedPerRequest() {
        return sideB().perRequest();
    }

    /** The one-off cost of fine-tuning: training tokens x epochs x B's training price. */
    public Cost trainingCost() {
        return sideB().price.training(trainingTokens, epochs);
    }

    /** USD a month of {@code requests} costs on side A. */
    public double fewShotMonthly(double requests) {
        return requests * fewShotPerRequest();
    }

    /** USD a month of {@code requests} costs on side B, with its share of the training. */
    public double fineTunedMonthly(double requests) {
        return trainingCost().usd() / months + requests * fineTunedPerRequest();
    }

    /**
     * The monthly requests at which both cost the same; above it fine-tuning is cheaper. Infinite when a fine-tuned
     * request costs as much as a few-shot one or more (it never pays off).
     */
    public double requestsPerMonth() {
        double saving = fewShotPerRequest() - fineTunedPerRequest();
        return saving <= 0 ? Double.POSITIVE_INFINITY : trainingCost().usd() / (months * saving);
    }

    /** Whether fine-tuning pays off at some volume. */
    public boolean paysOff() {
        return Double.isFinite(requestsPerMonth());
    }

    /**
     * Monthly cost of both against monthly requests, from 0 to about twice the break-even volume, 11 points.
     */
    public Chart chart() {
        double crossing = requestsPerMonth();
        double step = paysOff() ? niceStep(Math.max(crossing, 5) * 2 / 10) : 1000;
        List<Double> x = new ArrayList<>();
        List<Double> costA = new ArrayList<>();
        List<Double> costB = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            double v = i * step;
            x.add(v);
            costA.add(fewShotMonthly(v));
            costB.add(fineTunedMonthly(v));
        }
        return Chart.line("Monthly cost: few-shot vs fine-tuned").x("requests a month", x).y("USD a month")
                .series(label(a), costA).series(label(sideB()), costB);
    }

    /** The {@link #chart()} as a "chart" spec. */
    @Override
    public String toDisplay() {
        return chart().toDisplay();
    }

    /**
     * {@code "Fine-tuning pays off above 12,345 requests a month."} and the costs behind it.
     */
    @Override
    public String toString() {
        Side fine = sideB();
        String headline = paysOff()
                ? String.format(Locale.ROOT, "Fine-tuning pays off above %,d requests a month.", (long) Math.floor(requestsPerMonth()))
                : "Fine-tuning never pays off: a request costs as much or more on the fine-tuned model.";
        return headline + "\n"
                + "  " + label(a) + ": " + Cost.dollars(a.perRequest()) + " a request (" + Table.text(a.promptTokens)
                + " prompt + " + Table.text(a.answerTokens) + " answer tokens)\n"
                + "  " + label(fine) + ": " + Cost.dollars(fine.perRequest()) + " a request (" + Table.text(fine.promptTokens)
                + " prompt + " + Table.text(fine.answerTokens) + " answer tokens) after training for "
                + Cost.dollars(trainingCost().usd()) + String.format(Locale.ROOT, " (%,d tokens x %d epochs)", trainingTokens, epochs)
                + (months == 1 ? ", counted in one month" : String.format(Locale.ROOT, ", spread over %d months", months));
    }

    // ---------------------------------------------------------------- helpers

    private Side sideB() {
        if (b == null) {
            throw new IllegalStateException("BreakEven: give the fine-tuned side too: .fineTuned(prices.get(\"ft:...\"), promptTokens)");
        }
        return b;
    }

    private static Side side(String name, Price price, double promptTokens, double answerTokens) {
        Objects.requireNonNull(price, "price");
        if (!(promptTokens >= 0) || !(answerTokens >= 0)) {
            throw new IllegalArgumentException("BreakEven: " + name + " has " + promptTokens + " prompt and " + answerTokens
                    + " answer tokens; give 0 or more");
        }
        return new Side(name, price, promptTokens, answerTokens);
    }

    private static String label(Side side) {
        return side.name + " (" + side.price.model() + ")";
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least {@code raw}. */
    static double niceStep(double raw) {
        double step = 1;
        while (step < raw) {
            if (step * 2 >= raw) {
                return step * 2;
            }
            if (step * 5 >= raw) {
                return step * 5;
            }
            step *= 10;
        }
        return step;
    }
}
