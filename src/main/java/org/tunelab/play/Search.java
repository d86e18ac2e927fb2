package org.tunelab.play;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Finds the passages of a {@link KnowledgeBase} that answer a question: the retrieval in retrieval-augmented
 * generation. Three kinds, as practitioners use them:
 * <ul>
 *   <li>{@link #bm25} matches words (Apache Lucene's BM25 ranking, with English stemming): exact names, codes and
 *       numbers, no synonyms;</li>
 *   <li>{@link #semantic} matches meaning (sentence embeddings from all-MiniLM-L6-v2, computed by the server):
 *       paraphrases, but weak on exact codes and names;</li>
 *   <li>{@link #hybrid} fuses both rankings (reciprocal rank fusion).</li>
 * </ul>
 * A search follows its knowledge base: after {@code kb.put(...)} the next query sees the new text.
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.store();
 * Search bm25 = Search.bm25(kb);
 * bm25.top("Can I send back a toaster?", 3)          // [1. tp-40 (2.1), 2. returns (1.4), ...]
 * bm25.recall(KnowledgeBase.storeQuestions(), 3)      // share of questions whose passage is in the top 3
 * Recall.of(KnowledgeBase.storeQuestions(), bm25, Search.semantic(kb)).show()
 * }</pre>
 */
public abstract class Search {
    private final KnowledgeBase kb;
    private long indexed = -1;

    Search(KnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "knowledge base");
    }

    /** Word matching with BM25 (Apache Lucene, English stemming): {@code Search.bm25(kb)}. */
    public static Search bm25(KnowledgeBase kb) {
        return new Bm25Search(kb);
    }

    /** Meaning matching with sentence embeddings (cosine similarity): {@code Search.semantic(kb)}. */
    public static Search semantic(KnowledgeBase kb) {
        return new SemanticSearch(kb, Embeddings::of);
    }

    /** BM25 and semantic rankings fused by reciprocal rank (each passage scores the sum of 1 / (60 + rank)). */
    public static Search hybrid(KnowledgeBase kb) {
        return new HybridSearch(kb, bm25(kb), semantic(kb));
    }

    /** "bm25", "semantic" or "hybrid". */
    public abstract String name();

    /** The knowledge base searched. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /**
     * The {@code k} passages that best match {@code query}, best first; fewer if the knowledge base is smaller, or,
     * for {@link #bm25}, if fewer passages share a word with the query.
     */
    public List<Hit> top(String query, int k) {
        Objects.requireNonNull(query, "query");
        if (k < 1) {
            throw new IllegalArgumentException("top(query, k): k is how many passages to return, 1 or more; got " + k);
        }
        if (kb.size() == 0) {
            return List.of();
        }
        if (indexed != kb.version()) {
            index(kb.passages());
            indexed = kb.version();
        }
        return rank(query, Math.min(k, kb.size()));
    }

    /** The best passage for {@code query}. */
    public Passage best(String query) {
        List<Hit> hits = top(query, 1);
        if (hits.isEmpty()) {
            throw new IllegalStateException(knowledgeBase().size() == 0 ? "the knowledge base is empty: put some passages in first"
                    : "no passage shares a word with \"" + query + "\"");
        }
        return hits.get(0).passage();
    }

    /** The text of the top {@code k} passages, one a line: what goes into the prompt. */
    public String context(String query, int k) {
        return String.join("\n", top(query, k).stream().map(Hit::text).toList());
    }

    /** The share of {@code questions} whose answering passage is among the top {@code k}: recall at k. */
    public double recall(List<Question> questions, int k) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("recall over no questions: give at least one");
        }
        return questions.stream().filter(q -> found(q, k)).count() / (double) questions.size();
    }

    /** The questions whose passage is not in the top {@code k}, with what came first instead. */
    public Table misses(List<Question> questions, int k) {
        Table t = Table.of("question", "answer is in", "top " + k + " instead").title(name() + ": missed at " + k);
        for (Question q : questions) {
            List<Hit> hits = top(q.text(), k);
            if (!answers(hits, q)) {
                t.row(q.text(), q.passageId(), String.join(", ", hits.stream().map(Hit::id).toList()));
            }
        }
        return t;
    }

    private boolean found(Question q, int k) {
        return answers(top(q.text(), k), q);
    }

    private static boolean answers(List<Hit> hits, Question q) {
        return hits.stream().anyMatch(h -> h.id().equals(q.passageId()));
    }

    /** (Re)builds the index over these passages; called when the knowledge base changed since the last query. */
    abstract void index(List<Passage> passages);

    /** The top {@code k} hits for {@code query}, {@code k} at most the number of passages. */
    abstract List<Hit> rank(String query, int k);

    /** The {@code k} passages with the highest scores, best first; ties keep the knowledge base's order. */
    static List<Hit> best(List<Passage> passages, double[] scores, int k) {
        List<Integer> order = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i)).toList();
        List<Hit> hits = new ArrayList<>(k);
        for (int i = 0; i < k && i < order.size(); i++) {
            int p = order.get(i);
            hits.add(new Hit(passages.get(p), i + 1, scores[p]));
        }
        return hits;
    }

    @Override
    public String toString() {
        return "Search." + name() + "(" + kb + ")";
    }
}
