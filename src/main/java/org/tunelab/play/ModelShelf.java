package org.tunelab.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tunelab.lm.Checkpoint;
import org.tunelab.lm.Tiny;

/**
 * Where a student's fine-tuned models are kept. In a kernel, on the server (through the {@link Gateway}, which
 * files them under the student); in a plain JVM, in the folder named by the system property
 * {@code tunelab.models} (default {@code ~/.tunelab/models}). A model is its checkpoint (a LoRA adapter alone,
 * or full weights) plus its {@link TunedModel.Info} as JSON.
 */
final class ModelShelf {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelShelf() {
    }

    static void save(TunedModel model) {
        byte[] bytes = checkpoint(model.tiny());
        Map<String, Object> info = infoJson(model.info());
        if (Gateway.available()) {
            Gateway.call(Map.of("op", "models.save", "id", model.id(), "info", info,
                    "checkpoint", Base64.getEncoder().encodeToString(bytes)));
            return;
        }
        try {
            Path dir = Files.createDirectories(localDir());
            Files.write(dir.resolve(model.id() + ".bin"), bytes);
            Files.writeString(dir.resolve(model.id() + ".json"), JSON.writeValueAsString(info));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save model " + model.id(), e);
        }
    }

    static List<TunedModel.Info> list() {
        List<TunedModel.Info> found = new ArrayList<>();
        if (Gateway.available()) {
            Gateway.call(Map.of("op", "models.list")).path("models").forEach(n -> found.add(info(n)));
            return found;
        }
        try (var files = Files.list(Files.createDirectories(localDir()))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                found.add(info(JSON.readTree(p.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list models in " + localDir(), e);
        }
        return found;
    }

    static TunedModel load(String id) {
        JsonNode info;
        byte[] bytes;
        if (Gateway.available()) {
            JsonNode a = Gateway.call(Map.of("op", "models.load", "id", id));
            info = a.path("info");
            bytes = Base64.getDecoder().decode(a.path("checkpoint").asText());
        } else {
            Path dir = localDir();
            if (!Files.exists(dir.resolve(id + ".json"))) {
                throw new IllegalArgumentException(noSuchModel(id));
            }
            try {
                info = JSON.readTree(dir.resolve(id + ".json").toFile());
                bytes = Files.readAllBytes(dir.resolve(id + ".bin"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read model " + id, e);
            }
        }
        return new TunedModel(tiny(bytes), info(info));
    }

    static void delete(String id) {
        if (Gateway.available()) {
            Gateway.call(Map.of("op", "models.delete", "id", id));
            return;
        }
        try {
            boolean gone = Files.deleteIfExists(localDir().resolve(id + ".json"));
            Files.deleteIfExists(localDir().resolve(id + ".bin"));
            if (!gone) {
                throw new IllegalArgumentException(noSuchModel(id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete model " + id, e);
        }
    }

    static String noSuchModel(String id) {
        return "You have no fine-tuned model '" + id + "'. Models.tuned() lists yours.";
    }

    /** A LoRA model saves its adapter only (the base is bundled); a full fine-tune saves all its weights. */
    private static byte[] checkpoint(Tiny tiny) {
        try {
            Path file = Files.createTempFile("tunelab-model", ".bin");
            try {
                if (tiny.adapter() != null) {
                    Checkpoint.saveAdapter(tiny.adapter(), file);
                } else {
                    tiny.save(file);
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a checkpoint", e);
        }
    }

    private static Tiny tiny(byte[] bytes) {
        try {
            Path file = Files.createTempFile("tunelab-model", ".bin");
            try {
                Files.write(file, bytes);
                try {
                    var adapter = Checkpoint.loadAdapter(file);
                    return ((TinyModel) Models.tiny()).tiny().with(adapter.id(), adapter);
                } catch (RuntimeException notAnAdapter) {
                    return Tiny.load(file);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a checkpoint", e);
        }
    }

    private static Map<String, Object> infoJson(TunedModel.Info info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", info.id());
        m.put("base", info.base());
        m.put("method", info.method());
        m.put("dataHash", info.dataHash());
        m.put("metrics", new TreeMap<>(info.metrics()));
        m.put("created", info.created().toString());
        return m;
    }

    private static TunedModel.Info info(JsonNode n) {
        Map<String, Double> metrics = new TreeMap<>();
        n.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        return new TunedModel.Info(n.path("id").asText(), n.path("base").asText(), n.path("method").asText(),
                n.path("dataHash").asText(), metrics, Instant.parse(n.path("created").asText(Instant.EPOCH.toString())));
    }

    private static Path localDir() {
        return Path.of(System.getProperty("tunelab.models", System.getProperty("user.home") + "/.tunelab/models"));
    }
}
