package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;

/** Retrieval from cells: Lucene in the (sandboxed, where available) kernel, embeddings from the server's real model. */
class RetrievalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void cellsSearchByWordsAndByMeaningAndSeeAChangeAtOnce() throws Exception {
        try (Server server = Server.start(config())) {
            TestClient ann = new TestClient(server.port());
            JsonNode setup = ann.run("one", "KnowledgeBase kb = KnowledgeBase.store();\n"
                    + "Search bm25 = Search.bm25(kb);\nSearch semantic = Search.semantic(kb);\n"
                    + "bm25.best(\"How do I erase my account information?\").id() + \" \""
                    + " + semantic.best(\"How do I erase my account information?\").id()");
            assertEquals("ok", setup.get("status").asText(), setup.toString());
            assertEquals("\"order-omar-larsen privacy\"", setup.get("value").asText(),
                    "no shared word but 'my': BM25 misses what the embedding finds");
            assertEquals("", setup.path("stderr").asText(""), "Lucene's start-up log stays out of the cell");

            JsonNode recall = ann.run("one", "var policy = KnowledgeBase.storeQuestions(\"policy\");\n"
                    + "var orders = KnowledgeBase.storeQuestions(\"order\");\n"
                    + "semantic.recall(policy, 3) > bm25.recall(policy, 3) && bm25.recall(orders, 1) > semantic.recall(orders, 1)");
            assertEquals("true", recall.get("value").asText(), "paraphrases favour meaning, names favour words: " + recall);

            JsonNode changed = ann.run("one", "kb.put(\"returns\", \"Unused items can now be returned within 60 days.\");\n"
                    + "semantic.best(\"For how long can I bring an item back?\").text()");
            assertTrue(changed.get("value").asText().contains("60 days"), "the search sees the new text: " + changed);

            JsonNode vector = ann.run("one", "float[] v = Embeddings.of(\"hello\");\n"
                    + "v.length + \" \" + Math.round(Embeddings.cosine(v, v) * 1000)");
            assertEquals("\"384 1000\"", vector.get("value").asText(), vector.toString());
        }
    }

    @Test
    void theGatewayLimitsNewTextsPerStudentAndServesKnownOnesFree() throws Exception {
        EmbeddingGateway gateway = new EmbeddingGateway(dir.resolve("djl"), 3);
        JsonNode three = answer(gateway, "ann/one", "a", "b", "c");
        assertTrue(three.get("ok").asBoolean(), three.toString());
        assertEquals(3, three.get("vectors").size());
        JsonNode again = answer(gateway, "ann/two", "a", "b", "c");
        assertTrue(again.get("ok").asBoolean(), "texts embedded before are free: " + again);
        assertEquals(three.get("vectors"), again.get("vectors"));
        JsonNode over = answer(gateway, "ann/one", "d");
        assertEquals(false, over.get("ok").asBoolean());
        assertTrue(over.get("error").asText().contains("at most 3 a minute"), over.toString());
        assertTrue(answer(gateway, "bob/one", "d").get("ok").asBoolean(), "another student has an allowance of their own");
        JsonNode none = answer(gateway, "bob/one");
        assertTrue(none.get("error").asText().contains("between 1 and 256"), none.toString());
        String huge = "x".repeat(EmbeddingGateway.MAX_CHARS + 1);
        assertTrue(answer(gateway, "bob/one", huge).get("error").asText().contains("at most 4000 characters"));
    }

    private static JsonNode answer(EmbeddingGateway gateway, String owner, String... texts) throws Exception {
        var req = JSON.createObjectNode().put("op", "embed");
        var array = req.putArray("texts");
        for (String t : texts) {
            array.add(t);
        }
        return JSON.readTree(gateway.handle(owner, req));
    }

    private Config config() throws Exception {
        Path course = dir.resolve("course");
        Files.createDirectories(course.resolve("lessons"));
        Files.writeString(course.resolve("lessons/01-one.md"), "---\ntitle: One\nsummary: S\n---\nText\n");
        return Config.forTest(course, dir.resolve("data")).withRunTimeout(Duration.ofSeconds(30));
    }
}
