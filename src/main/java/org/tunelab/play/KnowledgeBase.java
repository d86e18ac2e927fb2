package org.tunelab.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Passages of knowledge a model can be given at request time: store policies, product facts, order records. A
 * {@link Search} finds the passages that answer a question, and the prompt carries them to the model: retrieval,
 * the third way (besides prompting and fine-tuning) to give a model what it needs.
 *
 * <p>A knowledge base changes, as a store's facts do: {@link #put} adds or replaces a passage and {@link #remove}
 * drops one, and every search over it sees the change at its next query, with no retraining.
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.store();     // 44 passages: policies, products, order records
 * kb.get("returns")                              // returns: Unused items can be returned within 30 days ...
 * kb.put("returns", "Unused items can be returned within 60 days of delivery.");   // the policy changed
 * Search.bm25(kb).top("Can I send a toaster back?", 3)
 * }</pre>
 */
public final class KnowledgeBase implements Tabular {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Passage> passages = new LinkedHashMap<>();
    private long version;

    private KnowledgeBase() {
    }

    /** A knowledge base with no passages yet: {@code KnowledgeBase.empty().put("hours", "Open 9 to 5.")}. */
    public static KnowledgeBase empty() {
        return new KnowledgeBase();
    }

    /** A knowledge base of these passages, in this order. */
    public static KnowledgeBase of(List<Passage> passages) {
        KnowledgeBase kb = new KnowledgeBase();
        passages.forEach(kb::put);
        return kb;
    }

    /**
     * The course's small store: 14 policies (returns, refunds, shipping, warranty ...), 10 products (KT-200 kettle
     * ...) and 20 order records written as customers' messages. A fresh copy each call.
     */
    public static KnowledgeBase store() {
        return of(read("store-kb.jsonl", n -> new Passage(n.path("id").asText(), n.path("kind").asText(),
                n.path("text").asText())));
    }

    /**
     * 40 questions about {@link #store()} with the passage that answers each: 14 about policies and 10 about
     * products, in other words than the passages use, and 16 asking a customer's order number (with the number as
     * the answer).
     */
    public static List<Question> storeQuestions() {
        return read("store-questions.jsonl", n -> new Question(n.path("question").asText(), n.path("passage").asText(),
                n.hasNonNull("answer") ? n.path("answer").asText() : null));
    }

    /** The {@link #storeQuestions()} whose passage is of one kind: "policy", "product" or "order". */
    public static List<Question> storeQuestions(String kind) {
        KnowledgeBase store = store();
        List<Question> all = storeQuestions();
        List<Question> some = all.stream().filter(q -> store.get(q.passageId()).kind().equals(kind)).toList();
        if (some.isEmpty()) {
            throw new IllegalArgumentException("no store questions about '" + kind + "': the kinds are policy, product and order");
        }
        return some;
    }

    /** Adds a passage, or replaces the one with its id. */
    public KnowledgeBase put(Passage passage) {
        passages.put(passage.id(), passage);
        version++;
        return this;
    }

    /**
     * Adds a passage of kind "note", or replaces the text of the one with this id (keeping its kind):
     * {@code kb.put("returns", "Unused items can be returned within 60 days.")}.
     */
    public KnowledgeBase put(String id, String text) {
        Passage old = passages.get(id);
        return put(new Passage(id, old == null ? "note" : old.kind(), text));
    }

    /** Drops the passage with this id. */
    public KnowledgeBase remove(String id) {
        get(id);
        passages.remove(id);
        version++;
        return this;
    }

    /** The passage with this id; an error naming a few ids if there is none. */
    public Passage get(String id) {
        Passage p = passages.get(id);
        if (p == null) {
            List<String> some = passages.keySet().stream().limit(5).toList();
            throw new IllegalArgumentException("No passage '" + id + "' in this knowledge base (" + size()
                    + " passages, e.g. " + some + ").");
        }
        return p;
    }

    /** Whether a passage has this id. */
    public boolean contains(String id) {
        return passages.containsKey(id);
    }

    /** The passages, in the order they were added. */
    public List<Passage> passages() {
        return List.copyOf(passages.values());
    }

    /** A new knowledge base of this one's passages of one kind: {@code kb.only("policy")}. */
    public KnowledgeBase only(String kind) {
        return of(passages.values().stream().filter(p -> p.kind().equals(kind)).toList());
    }

    /** How many passages. */
    public int size() {
        return passages.size();
    }

    /** All passages' text, one a line: what a prompt holds if it carries everything. */
    public String text() {
        return String.join("\n", passages.values().stream().map(Passage::text).toList());
    }

    /** Changes with every {@link #put} and {@link #remove}: searches re-index when it moves. */
    long version() {
        return version;
    }

    @Override
    public Table table() {
        Table t = Table.of("id", "kind", "text").title("Knowledge base: " + size() + " passages");
        passages.values().forEach(p -> t.row(p.id(), p.kind(), p.text()));
        return t;
    }

    @Override
    public String toString() {
        return "KnowledgeBase(" + size() + " passages)";
    }

    private static <T> List<T> read(String resource, Function<JsonNode, T> row) {
        List<T> rows = new ArrayList<>();
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(row.apply(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled " + resource, e);
        }
        return List.copyOf(rows);
    }
}
