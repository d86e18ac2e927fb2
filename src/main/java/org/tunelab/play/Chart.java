package org.tunelab.play;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A line or bar chart for cell output: the page draws it, {@link #toString()} shows its numbers as a table.
 *
 * <pre>{@code
 * Chart.line("Loss").x("step", steps).y("loss").series("train", trainLoss).series("validation", validationLoss)
 * Chart.bar("Accuracy").x("model", "tiny", "tiny + LoRA").series("accuracy", 0.42, 0.91)
 * }</pre>
 *
 * <p>A chart can also grow a point at a time, e.g. while training; with an {@link #id} each
 * {@code Display.show(chart)} redraws it in place:
 * <pre>{@code
 * Chart loss = Chart.line("Loss").id("loss").x("step").series("train").series("validation");
 * loss.point(step, trainLoss, validationLoss);  Display.show(loss);
 * }</pre>
 * Values that are not finite (a validation loss not computed yet: {@code Double.NaN}) are left out of the line.
 */
public final class Chart implements Displayable {
    private final String type;
    private final String title;
    private String id;
    private String xLabel = "x";
    private final List<Object> x = new ArrayList<>();
    private String yLabel;
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private final Map<String, List<Double>> lows = new LinkedHashMap<>();
    private final Map<String, List<Double>> highs = new LinkedHashMap<>();

    private Chart(String type, String title) {
        this.type = type;
        this.title = title;
    }

    /** A line chart: {@code Chart.line("Training loss")}. */
    public static Chart line(String title) {
        return new Chart("line", title);
    }

    /** A bar chart: {@code Chart.bar("Accuracy by model")}. */
    public static Chart bar(String title) {
        return new Chart("bar", title);
    }

    /** Sets the id, so showing a chart with the same id again updates it in place. */
    public Chart id(String id) {
        this.id = id;
        return this;
    }

    /** Names the x axis, values to come from {@link #point}: {@code chart.x("step")}. */
    public Chart x(String label) {
        this.xLabel = Objects.requireNonNull(label, "label");
        return this;
    }

    /** The x axis: a label and its values (numbers or names): {@code chart.x("model", List.of("tiny", "gpt"))}. */
    public Chart x(String label, List<?> values) {
        x(label);
        x.clear();
        x.addAll(values);
        return this;
    }

    /** The x axis with whole-number values: {@code chart.x("step", new int[] {1, 2, 3})}. */
    public Chart x(String label, int... values) {
        return x(label, Arrays.stream(values).boxed().toList());
    }

    /** The x axis with decimal values: {@code chart.x("temperature", new double[] {0, 0.5, 1})}. */
    public Chart x(String label, double... values) {
        return x(label, Arrays.stream(values).boxed().toList());
    }

    /** The x axis with names (a bar chart's categories): {@code chart.x("model", "tiny", "remote")}. */
    public Chart x(String label, String... values) {
        return x(label, Arrays.asList(values));
    }

    /** Names the y axis: {@code chart.y("loss")}. */
    public Chart y(String label) {
        this.yLabel = label;
        return this;
    }

    /** Adds a series with its values, one per x value: {@code chart.series("train", 2.1, 1.7, 1.4)}. */
    public Chart series(String name, double... values) {
        return series(name, Arrays.stream(values).boxed().toList());
    }

    /** Adds a series with its values, one per x value: {@code chart.series("train", losses)}. */
    public Chart series(String name, List<? extends Number> values) {
        Objects.requireNonNull(name, "name");
        if (series.containsKey(name)) {
            throw new IllegalArgumentException("the chart already has a series \"" + name + "\"");
        }
        List<Double> copy = new ArrayList<>(values.size());
        for (Number n : values) {
            copy.add(n == null ? Double.NaN : n.doubleValue());
        }
        series.put(name, copy);
        return this;
    }

    /**
     * Adds a series of measurements over seeds: each point at its mean, with a whisker from its lowest to its
     * highest value: {@code chart.series("validation accuracy", at60, at120, at160)}.
     */
    public Chart series(String name, Spread... values) {
        List<Double> means = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        for (Spread s : values) {
            means.add(s.mean());
            low.add(s.min());
            high.add(s.max());
        }
        series(name, means);
        lows.put(name, low);
        highs.put(name, high);
        return this;
    }

    /** The lowest values of a series added from {@link Spread}s, or an empty list for a plain series. */
    public List<Double> lows(String series) {
        values(series);
        return List.copyOf(lows.getOrDefault(series, List.of()));
    }

    /** The highest values of a series added from {@link Spread}s, or an empty list for a plain series. */
    public List<Double> highs(String series) {
        values(series);
        return List.copyOf(highs.getOrDefault(series, List.of()));
    }

    /** Adds an empty series, to fill with {@link #point}: {@code chart.series("train")}. */
    public Chart series(String name) {
        return series(name, List.of());
    }

    /**
     * Adds one point: an x value and one value per series, in the order the series were added.
     * <pre>{@code chart.point(10, 1.93, Double.NaN)}</pre>
     */
    public Chart point(Object xValue, double... values) {
        if (values.length != series.size()) {
            throw new IllegalArgumentException("point has " + values.length + " values but the chart has "
                    + series.size() + " series " + series.keySet());
        }
        x.add(xValue);
        int i = 0;
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            s.getValue().add(values[i]);
            if (lows.containsKey(s.getKey())) { // a point without a range
                lows.get(s.getKey()).add(values[i]);
                highs.get(s.getKey()).add(values[i]);
            }
            i++;
        }
        return this;
    }

    /** "line" or "bar". */
    public String type() {
        return type;
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The id, or null. */
    public String id() {
        return id;
    }

    /** The x values. */
    public List<Object> xValues() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(x));
    }

    /** The values of a series ({@code NaN} where there is none): {@code chart.values("train")}. */
    public List<Double> values(String series) {
        List<Double> values = this.series.get(series);
        if (values == null) {
            throw new IllegalArgumentException("no series \"" + series + "\": the chart has " + this.series.keySet());
        }
        return List.copyOf(values);
    }

    /** The names of the series, in order. */
    public List<String> seriesNames() {
        return List.copyOf(series.keySet());
    }

    /**
     * The spec {@code {"kind": "chart", "id"?, "chart", "title", "x": {label, values}, "y": {label},
     * "series": [{name, values, low?, high?}]}}; {@code low} and {@code high} (a series from {@link Spread}s) are
     * each value's range, drawn as a whisker; non-finite values become null.
     *
     * @throws IllegalStateException if a series has not one value per x value
     */
    @Override
    public String toDisplay() {
        checkLengths();
        Display.Spec spec = Display.spec("chart");
        if (id != null) {
            spec.put("id", id);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.getKey());
            one.put("values", s.getValue().stream().map(Table::jsonCell).toList());
            if (lows.containsKey(s.getKey())) {
                one.put("low", lows.get(s.getKey()).stream().map(Table::jsonCell).toList());
                one.put("high", highs.get(s.getKey()).stream().map(Table::jsonCell).toList());
            }
            lines.add(one);
        }
        Map<String, Object> xAxis = new LinkedHashMap<>();
        xAxis.put("label", xLabel);
        xAxis.put("values", x.stream().map(Table::jsonCell).toList());
        Map<String, Object> yAxis = new LinkedHashMap<>();
        yAxis.put("label", yLabel);
        return spec.put("chart", type).put("title", title).put("x", xAxis).put("y", yAxis).put("series", lines).json();
    }

    private void checkLengths() {
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            if (s.getValue().size() != x.size()) {
                throw new IllegalStateException("series \"" + s.getKey() + "\" has " + s.getValue().size() + " values but x (\""
                        + xLabel + "\") has " + x.size() + ": give one value per x value");
            }
        }
    }

    /** The chart's numbers as aligned text: one row per x value, one column per series (blank where missing). */
    @Override
    public String toString() {
        List<String> header = new ArrayList<>();
        header.add(xLabel);
        for (String name : series.keySet()) {
            header.add(name);
            if (lows.containsKey(name)) {
                header.add("range");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        int n = Math.max(x.size(), series.values().stream().mapToInt(List::size).max().orElse(0));
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            row.add(i < x.size() ? Table.text(x.get(i)) : "");
            for (Map.Entry<String, List<Double>> e : series.entrySet()) {
                List<Double> s = e.getValue();
                row.add(i >= s.size() || Double.isNaN(s.get(i)) ? "" : Table.text(s.get(i)));
                if (lows.containsKey(e.getKey())) {
                    row.add(i >= s.size() ? "" : Table.text(lows.get(e.getKey()).get(i)) + " to "
                            + Table.text(highs.get(e.getKey()).get(i)));
                }
            }
            rows.add(row);
        }
        List<Boolean> right = new ArrayList<>();
        right.add(x.stream().allMatch(v -> v instanceof Number));
        while (right.size() < header.size()) {
            right.add(true);
        }
        String heading = (title == null ? "" : title + " ") + "(" + type + " chart" + (yLabel == null ? "" : ", y: " + yLabel) + ")";
        return Table.render(heading, header, rows, right);
    }
}
