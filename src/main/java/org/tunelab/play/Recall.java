package org.tunelab.play;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recall at k of several searches over the same questions: the share of questions whose answering passage is among
 * a search's top k. Shown as a table and a bar chart.
 *
 * <pre>{@code
 * Recall r = Recall.of(KnowledgeBase.storeQuestions(), Search.bm25(kb), Search.semantic(kb), Search.hybrid(kb));
 * r.show();
 * r.at("semantic", 1)      // recall at 1 of the semantic search
 * }</pre>
 */
public final class Recall implements Tabular {
    private static final int[] KS = {1, 3, 5};
    private final int questions;
    private final Map<String, double[]> bySearch = new LinkedHashMap<>();

    private Recall(int questions) {
        this.questions = questions;
    }

    /** Recall at 1, 3 and 5 of each search over {@code questions}. */
    public static Recall of(List<Question> questions, Search... searches) {
        Recall r = new Recall(questions.size());
        for (Search s : searches) {
            double[] at = new double[KS.length];
            for (int i = 0; i < KS.length; i++) {
                at[i] = s.recall(questions, KS[i]);
            }
            r.bySearch.put(s.name(), at);
        }
        return r;
    }

    /** Recall at {@code k} (1, 3 or 5) of the search named {@code search} ("bm25", "semantic", "hybrid"). */
    public double at(String search, int k) {
        double[] at = bySearch.get(search);
        if (at == null) {
            throw new IllegalArgumentException("no search '" + search + "' here; measured: " + bySearch.keySet());
        }
        for (int i = 0; i < KS.length; i++) {
            if (KS[i] == k) {
                return at[i];
            }
        }
        throw new IllegalArgumentException("recall is measured at k = 1, 3 and 5; got " + k);
    }

    @Override
    public Table table() {
        Table t = Table.of("search", "recall@1", "recall@3", "recall@5").title("Recall over " + questions + " questions");
        bySearch.forEach((name, at) -> t.row(name, at[0], at[1], at[2]));
        return t;
    }

    /** Bars: recall at 1, 3 and 5, one series per search. */
    public Chart chart() {
        Chart c = Chart.bar("Recall at k").x("k", "top 1", "top 3", "top 5").y("share of questions answered");
        bySearch.forEach((name, at) -> c.series(name, at));
        return c;
    }

    /** Shows the table and the chart now. */
    public void show() {
        Display.show(table());
        Display.show(chart());
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        bySearch.forEach((name, at) -> parts.add(String.format("%s %.2f / %.2f / %.2f", name, at[0], at[1], at[2])));
        return "recall@1/3/5: " + String.join("; ", parts);
    }
}
