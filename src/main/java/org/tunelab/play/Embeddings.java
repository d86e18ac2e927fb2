package org.tunelab.play;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings: a text as a vector of 384 numbers, close to the vectors of texts that mean the same
 * ("send back" and "return"), from the pretrained all-MiniLM-L6-v2 model (quantised, run by ONNX Runtime). The
 * model runs in the TuneLab server, not in your kernel: cells reach it through the server, which limits how many
 * new texts a student may embed a minute. Texts already embedded are remembered and cost nothing.
 *
 * <pre>{@code
 * float[] a = Embeddings.of("How do I send back a toaster?");
 * float[] b = Embeddings.of("Unused items can be returned within 30 days.");
 * Embeddings.cosine(a, b)                                  // 1 = same direction, 0 = unrelated
 * Embeddings.similarity("send it back", "return it")       // the same in one call
 * }</pre>
 */
public final class Embeddings {
    /** The model the server embeds with. */
    public static final String MODEL = "all-MiniLM-L6-v2 (quantised)";
    private static final int BATCH = 64;
    private static final int REMEMBERED = 4000;
    private static final Map<String, float[]> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    private Embeddings() {
    }

    /** The embedding of one text (384 numbers, length 1). */
    public static float[] of(String text) {
        return of(List.of(text)).get(0);
    }

    /** The embeddings of several texts, in order; new texts go to the server in batches. */
    public static synchronized List<float[]> of(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !CACHE.containsKey(t)).distinct().toList();
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<float[]> vectors = fetch(batch);
            for (int i = 0; i < batch.size(); i++) {
                CACHE.put(batch.get(i), vectors.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(CACHE.get(t).clone());
        }
        return out;
    }

    /** Cosine similarity: 1 for the same direction, about 0 for unrelated, -1 for opposite. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** The cosine similarity of two texts' embeddings. */
    public static double similarity(String a, String b) {
        List<float[]> v = of(List.of(a, b));
        return cosine(v.get(0), v.get(1));
    }

    private static List<float[]> fetch(List<String> texts) {
        if (!Gateway.available()) {
            throw new IllegalStateException("Embeddings are computed by the TuneLab server: run this in a lesson cell.");
        }
        JsonNode answer = Gateway.call(Map.of("op", "embed", "texts", texts));
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (JsonNode v : answer.path("vectors")) {
            vectors.add(decode(v.asText()));
        }
        if (vectors.size() != texts.size()) {
            throw new RemoteModelException("The server returned " + vectors.size() + " embeddings for " + texts.size() + " texts.");
        }
        return vectors;
    }

    /** A vector as the server sends it: base64 of little-endian 32-bit floats. */
    static float[] decode(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(v);
        return v;
    }

    /** The inverse of {@link #decode}. */
    static String encode(float[] v) {
        ByteBuffer bytes = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
