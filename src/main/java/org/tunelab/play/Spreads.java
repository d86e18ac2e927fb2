package org.tunelab.play;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several {@link Spread}s side by side: shown as a table (mean, lowest, highest, each seed's value) and, with
 * {@link #chart()}, as bars of the means with a whisker from the lowest to the highest value.
 *
 * <pre>{@code
 * Spreads.of("validation accuracy")
 *         .add("4-shot prompt", prompt)
 *         .add("fine-tuned", tuned)
 *         .chart()
 * }</pre>
 *
 * Entries are added in place, so a loop can fill one.
 */
public final class Spreads implements Displayable {
    private final String measure;
    private final Map<String, Spread> entries = new LinkedHashMap<>();

    private Spreads(String measure) {
        this.measure = Objects.requireNonNull(measure, "measure");
    }

    /** Spreads of one measurement, e.g. {@code Spreads.of("accuracy")}. */
    public static Spreads of(String measure) {
        return new Spreads(measure);
    }

    /** Adds an entry: {@code spreads.add("fine-tuned", accuracy)}. */
    public Spreads add(String name, Spread spread) {
        Objects.requireNonNull(name, "name");
        if (entries.containsKey(name)) {
            throw new IllegalArgumentException("already an entry \"" + name + "\": give each a new name");
        }
        entries.put(name, Objects.requireNonNull(spread, "spread"));
        return this;
    }

    /** The entry of that name. */
    public Spread get(String name) {
        Spread s = entries.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no entry \"" + name + "\"; the entries are " + entries.keySet());
        }
        return s;
    }

    /** The names, in the order added. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** One row per entry: name, mean, lowest, highest, and every value with its seed ("one run" for a single value). */
    public Table table() {
        Table t = Table.of(List.of("", measure + " (mean)", "lowest", "highest", "per seed")).title(measure + " over seeds");
        for (Map.Entry<String, Spread> e : entries.entrySet()) {
            Spread s = e.getValue();
            List<String> perSeed = new ArrayList<>();
            for (int i = 0; i < s.n(); i++) {
                perSeed.add(s.seeds().get(i) + ": " + Table.text(s.values().get(i)));
            }
            t.row(e.getKey(), s.mean(), s.min(), s.max(), s.n() == 1 ? "one run" : String.join(", ", perSeed));
        }
        return t;
    }

    /** Bars of the means, each with a whisker from its lowest to its highest value. */
    public Chart chart() {
        List<Spread> spreads = new ArrayList<>(entries.values());
        return Chart.bar(measure + ": mean and range over seeds").x("", new ArrayList<>(entries.keySet())).y(measure)
                .series(measure, spreads.toArray(new Spread[0]));
    }

    /** Shows the table and the chart now. */
    public void show() {
        Display.show(table());
        Display.show(chart());
    }

    /** The table's spec. */
    @Override
    public String toDisplay() {
        return table().toDisplay();
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
