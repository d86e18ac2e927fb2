package org.tunelab.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * or full weights) plus its {@link TunedModel.Info} as JSON. The {@link Versions} of a named model are one JSON
 * document beside them ({@code versions/<name>.json}).
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

    /**
     * The saved versions document of a named model; an empty object if it has none yet; null where this kernel
     * keeps no models (an exercise check, {@code validate}).
     */
    static ObjectNode versions(String name) {
        if (Gateway.available()) {
            JsonNode a = Gateway.call(Map.of("op", "models.versions", "name", name));
            return a.path("kept").asBoolean(true) ? (ObjectNode) a.path("versions") : null;
        }
        Path file = localDir().resolve("versions").resolve(name + ".json");
        try {
            return Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("could not read the versions of " + name + " from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves a named model's versions document, whose {@code revision} must be one more than the saved one's (so
     * that two kernels changing the same versions at once cannot lose a change); false where nothing is kept.
     */
    static boolean saveVersions(String name, ObjectNode doc) {
        if (Gateway.available()) {
            return Gateway.call(Map.of("op", "models.versions.save", "name", name, "versions", doc)).path("kept").asBoolean(true);
        }
        Path file = localDir().resolve("versions").resolve(name + ".json");
        try {
            synchronized (ModelShelf.class) {
                int saved = Files.exists(file) ? JSON.readTree(file.toFile()).path("revision").asInt(0) : 0;
                if (doc.path("revision").asInt() != saved + 1) {
                    throw new IllegalStateException(versionsChanged(name));
                }
                Files.createDirectories(file.getParent());
                Path next = file.resolveSibling(name + ".json.next");
                Files.writeString(next, JSON.writeValueAsString(doc));
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the versions of " + name + " in " + file, e);
        }
    }

    static String versionsChanged(String name) {
        return "The versions of '" + name + "' were changed elsewhere (another lesson's kernel?) while this cell changed "
                + "them; run the cell again.";
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

    static Map<String, Object> infoJson(TunedModel.Info info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", info.id());
        m.put("base", info.base());
        m.put("method", info.method());
        m.put("dataHash", info.dataHash());
        m.put("metrics", new TreeMap<>(info.metrics()));
        m.put("created", info.created().toString());
        return m;
    }

    static TunedModel.Info info(JsonNode n) {
        Map<String, Double> metrics = new TreeMap<>();
        n.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        return new TunedModel.Info(n.path("id").asText(), n.path("base").asText(), n.path("method").asText(),
                n.path("dataHash").asText(), metrics, Instant.parse(n.path("created").asText(Instant.EPOCH.toString())));
    }

    private static Path localDir() {
        return Path.of(System.getProperty("tunelab.models", System.getProperty("user.home") + "/.tunelab/models"));
    }
}
