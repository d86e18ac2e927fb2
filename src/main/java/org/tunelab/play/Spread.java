package org.tunelab.play;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * One measurement repeated over seeds: its values, their mean and their range. A fine-tuned model depends on its
 * seed (the order of the examples, the adapter's start), so one run says little; the spread over a few seeds says
 * how much of a difference is the method and how much is luck.
 *
 * <pre>{@code
 * List<TunedModel> models = FineTune.of(Models.tiny()).data(train).lora(8).runSeeds(1, 2, 3);
 * Spread accuracy = Spread.of(models, m -> Evaluation.of(m, Prompt.empty()).quiet().run(test).accuracy());
 * accuracy                     // 0.825 (0.7 to 0.975 over seeds 1, 2, 3)
 * accuracy.min() > prompt.max()   // better on every seed than the prompt on any
 * Spread.over(seed -> accuracyOf(tune(noisy, seed)), 1, 2, 3)   // any measurement, once per seed
 * }</pre>
 *
 * Shown in a notebook as one line of text; {@link Spreads} puts several side by side, as a table and a chart with
 * ranges.
 */
public final class Spread implements Displayable {
    private final List<Long> seeds;
    private final List<Double> values;

    private Spread(List<Long> seeds, List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        this.seeds = List.copyOf(seeds);
        this.values = List.copyOf(values);
    }

    /** Runs {@code measure} once per seed: {@code Spread.over(seed -> accuracyOf(tune(data, seed)), 1, 2, 3)}. */
    public static Spread over(LongToDoubleFunction measure, long... seeds) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("Spread.over(measure, seeds...): give at least one seed, e.g. 1, 2, 3");
        }
        List<Double> values = new ArrayList<>();
        for (long seed : seeds) {
            values.add(measure.applyAsDouble(seed));
        }
        return new Spread(Arrays.stream(seeds).boxed().toList(), values);
    }

    /** Measures each model, labelled with the seed it was trained with: {@code Spread.of(models, m -> accuracyOf(m))}. */
    public static Spread of(List<TunedModel> models, ToDoubleFunction<? super TunedModel> measure) {
        List<Long> seeds = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (TunedModel m : models) {
            seeds.add(m.seed());
            values.add(measure.applyAsDouble(m));
        }
        return new Spread(seeds, values);
    }

    /** Values measured already, one per seed 1, 2, 3, ...: {@code Spread.of(0.8, 0.975, 0.7)}. */
    public static Spread of(double... values) {
        List<Long> seeds = new ArrayList<>();
        for (int i = 1; i <= values.length; i++) {
            seeds.add((long) i);
        }
        return new Spread(seeds, Arrays.stream(values).boxed().toList());
    }

    /** The measured values, one per seed, in the order of {@link #seeds()}. */
    public List<Double> values() {
        return values;
    }

    /** The seeds, in order. */
    public List<Long> seeds() {
        return seeds;
    }

    /** How many values. */
    public int n() {
        return values.size();
    }

    public double mean() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** Maximum minus minimum: how far the seeds alone moved the measurement. */
    public double range() {
        return max() - min();
    }

    /** The range as text for a table cell: {@code 0.7 to 0.975}. */
    public String bounds() {
        return Table.text(min()) + " to " + Table.text(max());
    }

    /**
     * Whether this is higher than {@code other} on every seed of both: this spread's lowest value is above the other's
     * highest, so the ranges do not overlap. With ranges that overlap, the difference may be seed noise.
     */
    public boolean clearlyAbove(Spread other) {
        return min() > other.max();
    }

    /** Whether this is lower than {@code other} on every seed of both (the ranges do not overlap). */
    public boolean clearlyBelow(Spread other) {
        return max() < other.min();
    }

    /** Whether the two ranges share any value: then which is better may depend on the seed. */
    public boolean overlaps(Spread other) {
        return !clearlyAbove(other) && !clearlyBelow(other);
    }

    /** {@code 0.825 (0.7 to 0.975 over seeds 1, 2, 3)}; one value alone is just that value. */
    public String summary() {
        if (n() == 1) {
            return Table.text(values.get(0)) + " (one run)";
        }
        return Table.text(mean()) + " (" + Table.text(min()) + " to " + Table.text(max()) + " over seeds "
                + seeds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    /** The summary and every value: {@code 0.825 (0.7 to 0.975 over seeds 1, 2, 3): 0.8, 0.975, 0.7}. */
    @Override
    public String toString() {
        return summary() + ": " + values.stream().map(Table::text).collect(Collectors.joining(", "));
    }

    /** A text display of {@link #toString()}. */
    @Override
    public String toDisplay() {
        return Display.spec("text").put("text", "mean " + this).json();
    }
}
