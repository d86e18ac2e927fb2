package org.tunelab.play;

import java.util.List;
import java.util.function.Function;

/** {@link Search#semantic}: passages and query as embeddings, ranked by cosine similarity. */
final class SemanticSearch extends Search {
    private final Function<List<String>, List<float[]>> embed;
    private List<Passage> passages = List.of();
    private List<float[]> vectors = List.of();

    SemanticSearch(KnowledgeBase kb, Function<List<String>, List<float[]>> embed) {
        super(kb);
        this.embed = embed;
    }

    @Override
    public String name() {
        return "semantic";
    }

    @Override
    void index(List<Passage> passages) {
        this.vectors = embed.apply(passages.stream().map(Passage::text).toList());
        this.passages = passages;
    }

    @Override
    List<Hit> rank(String query, int k) {
        float[] q = embed.apply(List.of(query)).get(0);
        double[] scores = new double[passages.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Embeddings.cosine(q, vectors.get(i));
        }
        return best(passages, scores, k);
    }
}
