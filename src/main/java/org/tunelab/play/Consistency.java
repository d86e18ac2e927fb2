package org.tunelab.play;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How consistently a model answers the same examples asked several ways: with paraphrased instructions or with
 * different sampling seeds (each a <em>variant</em>). For each example, its <em>majority</em> answer is the one most
 * variants gave, and its <em>agreement</em> the share of variants that gave it (1 when all agree). Immutable.
 *
 * <pre>{@code
 * Consistency c = Evaluation.of(tiny, fewShot).seeds(data, 0.8, 5);
 * c.agreement()          // mean over examples: how often an answer is the majority answer
 * c.unanimous()          // share of examples where every variant answered the same
 * c.accuracies()         // accuracy per variant
 * c.examples()           // per example: input, expected, majority, agreement
 * }</pre>
 *
 * @param title    what was compared, e.g. "Consistency across 5 seeds at temperature 0.8"
 * @param variants the names of the variants: the instructions, or "seed 0", "seed 1", ...
 * @param results  one evaluation per variant, each over the same examples in the same order
 */
public record Consistency(String title, List<String> variants, List<EvalResult> results) implements Tabular {

    /**
     * One example across the variants.
     *
     * @param input     the example's input
     * @param expected  its label
     * @param answers   the answer of each variant, in the order of {@link #variants()}
     * @param majority  the most common answer (on a tie, the one the earliest variant gave)
     * @param agreement the share of variants that answered the majority answer
     */
    public record Row(String input, String expected, List<String> answers, String majority, double agreement) {
    }

    public Consistency {
        variants = List.copyOf(variants);
        results = List.copyOf(results);
        if (variants.size() != results.size() || results.isEmpty()) {
            throw new IllegalArgumentException("Consistency: " + variants.size() + " variant names for " + results.size()
                    + " results; give one name per result");
        }
        int n = results.get(0).n();
        for (EvalResult r : results) {
            if (r.n() != n) {
                throw new IllegalArgumentException("Consistency: results over " + n + " and " + r.n()
                        + " examples; every variant answers the same examples");
            }
        }
    }

    static Consistency of(String title, List<String> variants, List<EvalResult> results) {
        return new Consistency(title, variants, results);
    }

    /** One row per example: its answers, majority answer and agreement. */
    public List<Row> examples() {
        Function<String, String> key = Evaluation.key(results.get(0).ignoreCase());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.get(0).n(); i++) {
            List<String> answers = new ArrayList<>();
            Map<String, Integer> votes = new LinkedHashMap<>();
            Map<String, String> firstSpelling = new LinkedHashMap<>();
            for (EvalResult r : results) {
                String answer = r.cases().get(i).got();
                answers.add(answer);
                votes.merge(key.apply(answer), 1, Integer::sum);
                firstSpelling.putIfAbsent(key.apply(answer), answer);
            }
            String best = null;
            for (Map.Entry<String, Integer> v : votes.entrySet()) { // in order of first appearance: ties go to the earliest
                if (best == null || v.getValue() > votes.get(best)) {
                    best = v.getKey();
                }
            }
            EvalResult.Case c = results.get(0).cases().get(i);
            rows.add(new Row(c.input(), c.expected(), List.copyOf(answers), firstSpelling.get(best),
                    (double) votes.get(best) / results.size()));
        }
        return rows;
    }

    /** The mean agreement over examples: how often an answer is its example's majority answer (1 = always). */
    public double agreement() {
        return examples().stream().mapToDouble(Row::agreement).average().orElse(Double.NaN);
    }

    /** The share of examples on which every variant gave the same answer. */
    public double unanimous() {
        return examples().stream().mapToDouble(r -> r.agreement() == 1.0 ? 1 : 0).average().orElse(Double.NaN);
    }

    /** The accuracy of each variant, in the order of {@link #variants()}. */
    public List<Double> accuracies() {
        return results.stream().map(EvalResult::accuracy).toList();
    }

    /** The accuracy of the majority answers: what asking every variant and taking a vote would score. */
    public double majorityAccuracy() {
        boolean ignoreCase = results.get(0).ignoreCase();
        return examples().stream()
                .mapToDouble(r -> (ignoreCase ? r.majority().equalsIgnoreCase(r.expected()) : r.majority().equals(r.expected())) ? 1 : 0)
                .average().orElse(Double.NaN);
    }

    /** One line: {@code "agreement 0.93, unanimous 0.8, majority vote accuracy 0.9"}. */
    public String summary() {
        return "agreement " + Table.text(agreement()) + ", unanimous " + Table.text(unanimous()) + ", majority vote accuracy "
                + Table.text(majorityAccuracy());
    }

    /** Accuracy and mean prompt tokens per variant, titled with the {@link #summary()}. */
    public Table table() {
        Table t = Table.of("variant", "accuracy", "prompt tokens").title(title + ": " + summary());
        for (int v = 0; v < variants.size(); v++) {
            t.row(variants.get(v), results.get(v).accuracy(), results.get(v).meanPromptTokens());
        }
        return t;
    }

    /** Each example with its expected label, majority answer, agreement and every variant's answer. */
    public Table examplesTable() {
        List<String> columns = new ArrayList<>(List.of("input", "expected", "majority", "agreement"));
        columns.addAll(variants);
        Table t = Table.of(columns).title(title + ", per example");
        for (Row r : examples()) {
            List<Object> row = new ArrayList<>(List.of(r.input(), r.expected(), r.majority(), r.agreement()));
            row.addAll(r.answers());
            t.row(row);
        }
        return t;
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
