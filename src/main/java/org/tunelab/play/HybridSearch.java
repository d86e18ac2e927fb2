package org.tunelab.play;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Search#hybrid}: reciprocal rank fusion of two searches (Cormack, Clarke and Buettcher, 2009): a passage
 * scores {@code 1 / (60 + rank)} in each ranking it appears in, summed.
 */
final class HybridSearch extends Search {
    private static final int K = 60;
    private final Search first;
    private final Search second;
    private List<Passage> passages = List.of();

    HybridSearch(KnowledgeBase kb, Search first, Search second) {
        super(kb);
        this.first = first;
        this.second = second;
    }

    @Override
    public String name() {
        return "hybrid";
    }

    @Override
    void index(List<Passage> passages) {
        this.passages = passages; // the two searches index themselves on their first query
    }

    @Override
    List<Hit> rank(String query, int k) {
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            row.put(passages.get(i).id(), i);
        }
        double[] scores = new double[passages.size()];
        for (Search s : List.of(first, second)) {
            for (Hit h : s.top(query, passages.size())) {
                scores[row.get(h.id())] += 1.0 / (K + h.rank());
            }
        }
        return best(passages, scores, k);
    }
}
