package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings for cells ({@code org.tunelab.play.Embeddings}), computed here rather than in each kernel:
 * the model (all-MiniLM-L6-v2, quantised, 23 MB) runs in ONNX Runtime, whose native library needs more room than a
 * sandboxed kernel has, and one copy serves every student.
 *
 * <p>The model loads on the first request (about a second). Texts are embedded one batch at a time, so embeddings
 * take at most one core; answers are remembered (the last {@value #REMEMBERED} texts), and each student may embed
 * {@code perMinute} new texts a minute. Kernels of nobody (checks, {@code validate}) share one such allowance.
 */
final class EmbeddingGateway {
    static final int MAX_TEXTS = 256;
    static final int MAX_CHARS = 4000;
    private static final int REMEMBERED = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path cacheDir;
    private final PerMinute perMinute;
    private final Map<String, float[]> remembered = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };
    private EmbeddingModel model; // loaded on first use, guarded by this

    /** @param cacheDir where the tokenizer's native library is unpacked (the data directory, not the home) */
    EmbeddingGateway(Path cacheDir, int perMinute) {
        this.cacheDir = cacheDir;
        this.perMinute = new PerMinute(perMinute);
    }

    /** Answers {@code {"op": "embed", "texts": [...]}} with {@code {"ok": true, "vectors": [base64 floats...]}}. */
    String handle(String owner, JsonNode req) {
        JsonNode texts = req.path("texts");
        if (!texts.isArray() || texts.isEmpty() || texts.size() > MAX_TEXTS) {
            return CellGateway.error("Embed between 1 and " + MAX_TEXTS + " texts at a time.");
        }
        List<String> wanted = new ArrayList<>();
        for (JsonNode t : texts) {
            if (!t.isTextual() || t.asText().length() > MAX_CHARS) {
                return CellGateway.error("Each text to embed must be a string of at most " + MAX_CHARS + " characters.");
            }
            wanted.add(t.asText());
        }
        String who = CellGateway.student(owner);
        float[][] vectors = embed(who == null ? "(checks)" : who, wanted);
        if (vectors == null) {
            return CellGateway.error("Too many new texts to embed: at most " + perMinute.limit()
                    + " a minute per student (texts embedded before are free). Wait a little and run the cell again.");
        }
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        ArrayNode out = ok.putArray("vectors");
        for (float[] v : vectors) {
            out.add(base64(v));
        }
        return ok.toString();
    }

    /** The vectors of {@code texts}, or null if {@code who} may not embed that many new texts now. */
    private synchronized float[][] embed(String who, List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !remembered.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            if (!perMinute.admit(who, missing.size())) {
                return null;
            }
            List<TextSegment> segments = missing.stream().map(t -> TextSegment.from(t.isEmpty() ? " " : t)).toList();
            var embeddings = model().embedAll(segments).content();
            for (int i = 0; i < missing.size(); i++) {
                remembered.put(missing.get(i), embeddings.get(i).vector());
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = remembered.get(texts.get(i));
        }
        return out;
    }

    private EmbeddingModel model() {
        if (model == null) {
            // DJL unpacks the tokenizer's native library under DJL_CACHE_DIR (default: the user's home)
            System.setProperty("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
            model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return model;
    }

    /** Little-endian 32-bit floats, base64: about a third of the size of the numbers as JSON text. */
    private static String base64(float[] v) {
        ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            bytes.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
