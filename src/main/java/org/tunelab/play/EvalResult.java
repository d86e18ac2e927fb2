package org.tunelab.play;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of an {@link Evaluation}: every case, and the numbers over them. Shown in a cell, it is a table of
 * the wrong cases under a title with the accuracy, prompt tokens and latency.
 *
 * <pre>{@code
 * EvalResult r = Evaluation.of(Models.tiny(), fewShot).run(data);
 * r.accuracy()  r.correct()  r.n()  r.meanPromptTokens()  r.meanLatency()
 * r.wrong()                 // [Case[input=..., expected=positive, got=negative, ...], ...]
 * r.confusion()             // labels x answers
 * }</pre>
 *
 * @param name       what was evaluated, e.g. "4-shot base" in a comparison, else the model's name
 * @param model      the model's name
 * @param labels     the dataset's distinct labels, sorted
 * @param cases      one per example, in the dataset's order
 * @param ignoreCase whether answers were compared ignoring case
 */
public record EvalResult(String name, String model, List<String> labels, List<Case> cases, boolean ignoreCase)
        implements Tabular {

    /**
     * One example as the model answered it.
     *
     * @param input            the example's input
     * @param expected         its label
     * @param got              the model's answer, without surrounding spaces
     * @param correct          whether the answer is the label
     * @param promptTokens     tokens the model read
     * @param completionTokens tokens the model wrote
     * @param latency          how long the answer took
     */
    public record Case(String input, String expected, String got, boolean correct, int promptTokens, int completionTokens,
                       Duration latency) {
    }

    public EvalResult {
        labels = List.copyOf(labels);
        cases = List.copyOf(cases);
    }

    /** How many examples were asked. */
    public int n() {
        return cases.size();
    }

    /** How many answers were right. */
    public int correct() {
        return (int) cases.stream().filter(Case::correct).count();
    }

    /** The share of right answers, 0 to 1 (NaN for an empty dataset). */
    public double accuracy() {
        return cases.isEmpty() ? Double.NaN : (double) correct() / n();
    }

    /** The mean number of tokens the model read per example: what each request costs in input. */
    public double meanPromptTokens() {
        return cases.stream().mapToInt(Case::promptTokens).average().orElse(Double.NaN);
    }

    /** The mean number of tokens the model wrote per example. */
    public double meanCompletionTokens() {
        return cases.stream().mapToInt(Case::completionTokens).average().orElse(Double.NaN);
    }

    /** The mean time per answer. */
    public Duration meanLatency() {
        return cases.isEmpty() ? Duration.ZERO
                : Duration.ofNanos(Math.round(cases.stream().mapToLong(c -> c.latency().toNanos()).average().orElse(0)));
    }

    /** The cases answered wrongly, in order. */
    public List<Case> wrong() {
        return cases.stream().filter(c -> !c.correct()).toList();
    }

    /** The answers, one per example, in order. */
    public List<String> answers() {
        return cases.stream().map(Case::got).toList();
    }

    /** Expected labels (rows) against answers (columns), with "other" for answers that are no label. */
    public Confusion confusion() {
        return Confusion.of(labels, cases.stream().map(Case::expected).toList(), answers(), ignoreCase);
    }

    /** One line: {@code "tiny: accuracy 0.9 (36/40), 62.5 prompt tokens, 41 ms per answer"}. */
    public String summary() {
        return name + ": accuracy " + Table.text(accuracy()) + " (" + correct() + "/" + n() + "), "
                + Table.text(meanPromptTokens()) + " prompt tokens, " + meanLatency().toMillis() + " ms per answer";
    }

    /** The wrong cases as a table (input, expected, got) titled with the {@link #summary()}. */
    public Table table() {
        Table t = Table.of("input", "expected", "got").title(summary()
                + (wrong().isEmpty() ? "; no wrong answers" : "; wrong answers:"));
        for (Case c : wrong()) {
            t.row(c.input(), c.expected(), c.got());
        }
        return t;
    }

    /** The summary and up to 10 wrong cases. */
    @Override
    public String toString() {
        List<Case> wrong = wrong();
        StringBuilder b = new StringBuilder(summary());
        for (Case c : wrong.subList(0, Math.min(10, wrong.size()))) {
            b.append(String.format(Locale.ROOT, "%n  %s -> expected %s, got %s", Table.text(c.input()), c.expected(),
                    c.got().isEmpty() ? "(nothing)" : c.got()));
        }
        if (wrong.size() > 10) {
            b.append("\n  ... and ").append(wrong.size() - 10).append(" more wrong (see wrong())");
        }
        return b.toString();
    }
}
