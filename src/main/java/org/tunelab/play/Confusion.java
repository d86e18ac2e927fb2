package org.tunelab.play;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A confusion matrix: how often each expected label (a row) was answered with each label (a column). Answers that
 * are none of the labels count in the column "other". Immutable.
 *
 * <pre>{@code
 * Confusion m = Evaluation.of(tiny, fewShot).run(data).confusion();
 * m.count("positive", "negative")   // positives answered "negative"
 * m.count("negative", "other")      // negatives answered with something that is no label
 * m                                  // shown as a table
 * }</pre>
 */
public final class Confusion implements Tabular {
    /** The column of answers that are none of the labels. */
    public static final String OTHER = "other";

    private final List<String> labels;
    private final int[][] counts; // [expected][predicted], predicted has labels.size() + 1 columns, the last "other"

    private Confusion(List<String> labels, int[][] counts) {
        this.labels = labels;
        this.counts = counts;
    }

    /**
     * The matrix of expected labels against answers.
     * <pre>{@code Confusion.of(List.of("neg", "pos"), List.of("pos", "neg"), List.of("pos", "maybe"), false)}</pre>
     *
     * @param labels     the labels, in the order of rows and columns (expected labels missing here are added)
     * @param expected   the expected label of each example
     * @param answers    the answer to each example, in the same order
     * @param ignoreCase whether "Positive" counts as the label "positive"
     */
    public static Confusion of(List<String> labels, List<String> expected, List<String> answers, boolean ignoreCase) {
        if (expected.size() != answers.size()) {
            throw new IllegalArgumentException("Confusion.of: " + expected.size() + " expected labels but " + answers.size()
                    + " answers; give one answer per example");
        }
        Function<String, String> key = Evaluation.key(ignoreCase);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (String label : labels) {
            if (index.putIfAbsent(key.apply(label), all.size()) == null) {
                all.add(label);
            }
        }
        for (String label : expected) {
            if (index.putIfAbsent(key.apply(label), all.size()) == null) {
                all.add(label);
            }
        }
        int[][] counts = new int[all.size()][all.size() + 1];
        for (int i = 0; i < expected.size(); i++) {
            Integer predicted = index.get(key.apply(Objects.requireNonNull(answers.get(i), "answer")));
            counts[index.get(key.apply(expected.get(i)))][predicted == null ? all.size() : predicted]++;
        }
        return new Confusion(List.copyOf(all), counts);
    }

    /** The labels, in the order of rows and columns (the columns end with {@link #OTHER}). */
    public List<String> labels() {
        return labels;
    }

    /**
     * How many examples labelled {@code expected} were answered {@code predicted} (a label, or {@link #OTHER}).
     *
     * @throws IllegalArgumentException naming the labels, if either is not one
     */
    public int count(String expected, String predicted) {
        return counts[row(expected)][predicted.equals(OTHER) && !labels.contains(OTHER) ? labels.size() : row(predicted)];
    }

    /** How many examples are labelled {@code expected}. */
    public int total(String expected) {
        int sum = 0;
        for (int c : counts[row(expected)]) {
            sum += c;
        }
        return sum;
    }

    /** How many examples there are. */
    public int total() {
        return labels.stream().mapToInt(this::total).sum();
    }

    /** How many were answered with their own label: the diagonal. */
    public int correct() {
        int sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /** Of the examples labelled {@code label}, the share answered with it (recall; NaN if there are none). */
    public double recall(String label) {
        int total = total(label);
        return total == 0 ? Double.NaN : (double) counts[row(label)][row(label)] / total;
    }

    /** The matrix as a table: a row per expected label, a column per answer, "other" last, and each row's total. */
    public Table table() {
        List<String> columns = new ArrayList<>();
        columns.add("expected \\ answered");
        columns.addAll(labels);
        columns.add(OTHER);
        columns.add("total");
        Table t = Table.of(columns).title("Confusion matrix (" + total() + " examples, " + correct() + " right)");
        for (int r = 0; r < labels.size(); r++) {
            List<Object> row = new ArrayList<>();
            row.add(labels.get(r));
            for (int c : counts[r]) {
                row.add(c);
            }
            row.add(total(labels.get(r)));
            t.row(row);
        }
        return t;
    }

    @Override
    public String toString() {
        return table().toString();
    }

    private int row(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("no label \"" + label + "\" in the confusion matrix; its labels are " + labels
                    + " and \"" + OTHER + "\"");
        }
        return i;
    }
}
