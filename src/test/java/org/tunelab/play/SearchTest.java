package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Knowledge bases and searches in a plain JVM: BM25 for real (Lucene), semantic search over a small word-count
 * embedder (the real model runs in the server; RetrievalTest reaches it through a kernel).
 */
class SearchTest {
    /** Counts of a few words: texts that share these words point the same way. */
    private static final List<String> WORDS = List.of("return", "refund", "kettle", "ship", "open");
    private final List<String> embedded = new ArrayList<>();
    private final Function<List<String>, List<float[]>> wordCounts = texts -> {
        embedded.addAll(texts);
        return texts.stream().map(t -> {
            float[] v = new float[WORDS.size() + 1];
            for (int i = 0; i < WORDS.size(); i++) {
                v[i] = t.toLowerCase().split(WORDS.get(i), -1).length - 1;
            }
            v[WORDS.size()] = 0.01f;
            return v;
        }).toList();
    };

    @Test
    void theStoreHasItsPassagesAndEveryQuestionPointsAtOne() {
        KnowledgeBase kb = KnowledgeBase.store();
        assertEquals(44, kb.size());
        assertEquals(14, kb.only("policy").size());
        assertEquals(10, kb.only("product").size());
        assertEquals(20, kb.only("order").size());
        List<Question> questions = KnowledgeBase.storeQuestions();
        assertEquals(40, questions.size());
        questions.forEach(q -> assertTrue(kb.contains(q.passageId()), q.toString()));
        for (Question q : KnowledgeBase.storeQuestions("order")) {
            assertTrue(kb.get(q.passageId()).text().contains(q.answer()), "the order record holds its number: " + q);
        }
        assertEquals(14, KnowledgeBase.storeQuestions("policy").size());
        assertThrows(IllegalArgumentException.class, () -> KnowledgeBase.storeQuestions("poem"));
    }

    @Test
    void bm25FindsCodesAndNamesAndFollowsChanges() {
        KnowledgeBase kb = KnowledgeBase.store();
        Search bm25 = Search.bm25(kb);
        assertEquals("kt-200", bm25.best("How many watts does the KT-200 have?").id());
        assertEquals("order-kofi-costa", bm25.best("What is Kofi Costa's order number?").id());
        List<Hit> top = bm25.top("refunds to my card", 3);
        assertEquals(List.of(1, 2, 3), top.stream().map(Hit::rank).toList());
        assertEquals("refunds", top.get(0).id(), "stemming: 'refunds' and 'refunded' meet at 'refund'");
        assertTrue(top.get(0).score() >= top.get(1).score());

        assertEquals(List.of(), bm25.top("platypus", 1), "no passage shares a word");
        assertThrows(IllegalStateException.class, () -> bm25.best("platypus"));
        kb.put("returns", "Unused items can be returned within 60 days; a platypus plush is never returnable.");
        assertEquals("returns", bm25.best("platypus").id(), "the index follows the change at the next query");
        kb.remove("returns");
        assertTrue(bm25.top("platypus returned", 44).stream().noneMatch(h -> h.id().equals("returns")));
        List<Hit> all = bm25.top("order", 100);
        assertTrue(all.size() >= 20 && all.size() < 43, "k above the size: the passages that match, " + all.size());
        assertEquals(all.size(), all.stream().map(Hit::id).distinct().count(), "each once");
    }

    @Test
    void recallCountsTheQuestionsWhosePassageIsInTheTopK() {
        KnowledgeBase kb = KnowledgeBase.store();
        Search bm25 = Search.bm25(kb);
        List<Question> orders = KnowledgeBase.storeQuestions("order");
        assertEquals(1.0, bm25.recall(orders, 1), "names are exact words: BM25 finds every order record");
        List<Question> qs = List.of(new Question("KT-200 watts", "kt-200", null), new Question("zzz", "returns", null));
        assertEquals(0.5, bm25.recall(qs, 1));
        assertEquals(1, bm25.misses(qs, 1).rows().size());
        Recall r = Recall.of(qs, bm25);
        assertEquals(0.5, r.at("bm25", 1));
        assertTrue(r.at("bm25", 5) >= r.at("bm25", 1));
        assertThrows(IllegalArgumentException.class, () -> r.at("bm25", 2));
        assertThrows(IllegalArgumentException.class, () -> r.at("semantic", 1));
        assertThrows(IllegalArgumentException.class, () -> bm25.recall(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> bm25.top("x", 0));
    }

    @Test
    void semanticSearchRanksByCosineAndEmbedsOnlyWhenTheBaseChanged() {
        KnowledgeBase kb = KnowledgeBase.empty().put("a", "Return it for a refund.").put("b", "We ship kettles.")
                .put("c", "Open at nine.");
        Search semantic = new SemanticSearch(kb, wordCounts);
        assertEquals("b", semantic.best("kettle shipping").id());
        assertEquals("a", semantic.best("refund please").id());
        assertEquals(3 + 2, embedded.size(), "passages once, then each query");
        kb.put("c", "Open at nine; returns at the desk.");
        assertEquals("c", semantic.top("open for returns", 1).get(0).id());
        assertEquals(3 + 2 + 3 + 1, embedded.size(), "a change re-embeds the passages");
    }

    @Test
    void hybridFusesTheTwoRankings() {
        KnowledgeBase kb = KnowledgeBase.empty().put("a", "Return it for a refund.").put("b", "We ship kettles.")
                .put("c", "Open at nine.");
        Search hybrid = new HybridSearch(kb, Search.bm25(kb), new SemanticSearch(kb, wordCounts));
        List<Hit> hits = hybrid.top("kettles ship", 3);
        assertEquals("b", hits.get(0).id(), "first in both rankings");
        assertEquals(2.0 / 61, hits.get(0).score(), 1e-9);
    }

    @Test
    void anExampleSelectorPutsTheNearestExamplesLast() {
        Dataset pool = Dataset.of(Example.of("The kettle leaks.", "negative"), Example.of("Great lamp.", "positive"),
                Example.of("The kettle is lovely.", "positive"), Example.of("The lamp flickers.", "negative"));
        ExampleSelector nearest = ExampleSelector.bm25(pool, 2);
        Dataset chosen = nearest.select("Is the kettle lovely?");
        assertEquals("The kettle is lovely.", chosen.get(1).input(), "the most similar comes last, next to the input");
        assertEquals("The kettle leaks.", chosen.get(0).input());
        assertEquals(List.of("The kettle leaks.", "Great lamp."),
                ExampleSelector.fixed(pool, 2).select("anything").stream().map(Example::input).toList());
        Prompt p = Evaluation.of(Models.tiny(), Prompt.of("Positive or negative?")).examples(nearest).promptFor("lamp flickers");
        assertEquals("The lamp flickers.", p.examples().get(1).input());
        assertEquals("lamp flickers", p.input());
        assertThrows(IllegalArgumentException.class, () -> ExampleSelector.bm25(pool, 5));
    }

    @Test
    void embeddingsOutsideAKernelSayWhereTheyRun() {
        assertEquals(1.0, Embeddings.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-9);
        assertEquals(0.0, Embeddings.cosine(new float[] {1, 0}, new float[] {0, 3}), 1e-9);
        float[] v = {0.25f, -1.5f, 3f};
        assertEquals(List.of(0.25f, -1.5f, 3f), boxed(Embeddings.decode(Embeddings.encode(v))));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Embeddings.of("hello"));
        assertTrue(e.getMessage().contains("lesson cell"), e.getMessage());
    }

    private static List<Float> boxed(float[] v) {
        List<Float> out = new ArrayList<>();
        for (float f : v) {
            out.add(f);
        }
        return out;
    }
}
