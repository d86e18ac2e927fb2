package org.tunelab.play;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several models and prompts evaluated on one dataset, side by side: one table (accuracy, prompt tokens, latency)
 * and one bar chart (accuracy per entry). Shown in a cell, it is the table; {@link #show()} shows both.
 *
 * <pre>{@code
 * Comparison c = Evaluation.compare(data)
 *         .add("4-shot base", tiny, fewShot)
 *         .add("tuned", tuned, Prompt.of("Route the ticket."))
 *         .run();
 * c.show();                  // the table and the chart
 * c.result("tuned").accuracy()
 * }</pre>
 *
 * @param dataset the name of the dataset
 * @param results one per entry, in the order they were added; {@link EvalResult#name()} is the entry's name
 */
public record Comparison(String dataset, List<EvalResult> results) implements Tabular {

    public Comparison {
        Objects.requireNonNull(dataset, "dataset");
        results = List.copyOf(results);
    }

    /**
     * The entries to compare, added one by one, then {@link #run()}. Get one from {@link Evaluation#compare}.
     * <pre>{@code Evaluation.compare(data).add("zero-shot", tiny, Prompt.of("Positive or negative?")).run()}</pre>
     */
    public static final class Builder {
        private final Dataset data;
        private final List<String> names = new ArrayList<>();
        private final List<Evaluation> evaluations = new ArrayList<>();

        Builder(Dataset data) {
            this.data = Objects.requireNonNull(data, "dataset");
        }

        /** Adds a model answering a prompt (without an input): {@code .add("4-shot base", tiny, fewShot)}. */
        public Builder add(String name, Model model, Prompt prompt) {
            return add(name, Evaluation.of(model, prompt));
        }

        /** Adds a model answering a one-slot template: {@code .add("template", tiny, Template.of("Review: {{r}}"))}. */
        public Builder add(String name, Model model, Template template) {
            return add(name, Evaluation.of(model, template));
        }

        /** Adds an evaluation as it is (its options, case rule): {@code .add("sampled", evaluation.options(o))}. */
        public Builder add(String name, Evaluation evaluation) {
            Objects.requireNonNull(name, "name");
            if (names.contains(name)) {
                throw new IllegalArgumentException("the comparison already has an entry \"" + name + "\": give each a new name");
            }
            names.add(name);
            evaluations.add(Objects.requireNonNull(evaluation, "evaluation"));
            return this;
        }

        /** Evaluates every entry on the dataset, one after another, with a progress bar each. */
        public Comparison run() {
            if (evaluations.isEmpty()) {
                throw new IllegalStateException("nothing to compare: add entries first, e.g. .add(\"4-shot\", tiny, fewShot)");
            }
            List<EvalResult> results = new ArrayList<>();
            for (int i = 0; i < evaluations.size(); i++) {
                results.add(evaluations.get(i).run(data, names.get(i)));
            }
            return new Comparison(data.name(), results);
        }
    }

    /**
     * The result of one entry, by name.
     *
     * @throws IllegalArgumentException naming the entries, if there is none of that name
     */
    public EvalResult result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no entry \"" + name + "\"; the entries are " + names()));
    }

    /** The entries' names, in order. */
    public List<String> names() {
        return results.stream().map(EvalResult::name).toList();
    }

    /** One row per entry: name, model, accuracy, right answers, mean prompt tokens, mean latency in ms. */
    public Table table() {
        Table t = Table.of("entry", "model", "accuracy", "correct", "prompt tokens", "latency ms")
                .title("Comparison on " + dataset + " (" + (results.isEmpty() ? 0 : results.get(0).n()) + " examples)");
        for (EvalResult r : results) {
            t.row(r.name(), r.model(), r.accuracy(), r.correct() + "/" + r.n(), r.meanPromptTokens(),
                    r.meanLatency().toNanos() / 1e6);
        }
        return t;
    }

    /** A bar chart of accuracy per entry. */
    public Chart chart() {
        return Chart.bar("Accuracy on " + dataset).x("entry", names()).y("accuracy")
                .series("accuracy", results.stream().map(EvalResult::accuracy).toList());
    }

    /** Shows the table and the chart below the cell. */
    public void show() {
        Display.show(table());
        Display.show(chart());
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
