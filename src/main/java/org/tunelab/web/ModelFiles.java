package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Students' fine-tuned models on the server's disk: {@code <data>/models/<student>/<id>.bin} (the checkpoint)
 * and {@code <id>.json} (its info), and the versions of their named models ({@code org.tunelab.play.Versions}) in
 * {@code versions/<name>.json}. Ids, names and student names are checked so that no request reaches another path.
 */
final class ModelFiles {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VERSIONS_CHARS = 256 * 1024;
    /** Named models a student may keep: with the size cap, at most 25 MB of versions per student. */
    static final int MAX_NAMES = 100;

    private final Path root;

    ModelFiles(Path root) {
        this.root = root;
    }

    String save(String student, JsonNode req) throws IOException {
        String id = id(req);
        byte[] checkpoint = Base64.getDecoder().decode(req.path("checkpoint").asText());
        Path dir = Files.createDirectories(dir(student));
        Files.write(dir.resolve(id + ".bin"), checkpoint);
        Files.writeString(dir.resolve(id + ".json"), JSON.writeValueAsString(req.path("info")));
        return ok().put("id", id).toString();
    }

    String list(String student) throws IOException {
        ObjectNode answer = ok();
        ArrayNode models = answer.putArray("models");
        Path dir = dir(student);
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    models.add(JSON.readTree(p.toFile()));
                }
            }
        }
        return answer.toString();
    }

    String load(String student, JsonNode req) throws IOException {
        String id = id(req);
        Path dir = dir(student);
        if (!Files.exists(dir.resolve(id + ".json"))) {
            return CellGateway.error("You have no fine-tuned model '" + id + "'. Models.tuned() lists yours.");
        }
        ObjectNode answer = ok();
        answer.set("info", JSON.readTree(dir.resolve(id + ".json").toFile()));
        answer.put("checkpoint", Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve(id + ".bin"))));
        return answer.toString();
    }

    String delete(String student, JsonNode req) throws IOException {
        String id = id(req);
        Path dir = dir(student);
        boolean gone = Files.deleteIfExists(dir.resolve(id + ".json"));
        Files.deleteIfExists(dir.resolve(id + ".bin"));
        return gone ? ok().put("deleted", id).toString()
                : CellGateway.error("You have no fine-tuned model '" + id + "'. Models.tuned() lists yours.");
    }

    /** A named model's versions document, {@code {}} if it has none yet. */
    String versions(String student, JsonNode req) throws IOException {
        Path file = versionsFile(student, req);
        ObjectNode answer = ok();
        answer.set("versions", Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode());
        return answer.toString();
    }

    /**
     * Saves a named model's versions document. Its {@code revision} must be one more than the saved one's: two
     * kernels of one student changing the same versions at once would otherwise lose one change.
     */
    synchronized String saveVersions(String student, JsonNode req) throws IOException {
        Path file = versionsFile(student, req);
        String name = req.path("name").asText();
        JsonNode doc = req.path("versions");
        String text = JSON.writeValueAsString(doc);
        if (!doc.isObject()) {
            return CellGateway.error("The versions of '" + name + "' must be a JSON object.");
        }
        if (text.length() > MAX_VERSIONS_CHARS) {
            return CellGateway.error("The versions of '" + name + "' would take more than 256 KiB; start a new name.");
        }
        if (!Files.exists(file) && names(file.getParent()) >= MAX_NAMES) {
            return CellGateway.error("You already keep versions of " + MAX_NAMES + " named models; reuse a name.");
        }
        int saved = Files.exists(file) ? JSON.readTree(file.toFile()).path("revision").asInt(0) : 0;
        if (doc.path("revision").asInt() != saved + 1) {
            return CellGateway.error("The versions of '" + name + "' were changed elsewhere (another lesson's kernel?) "
                    + "while this cell changed them; run the cell again.");
        }
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(name + ".json.next");
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return ok().toString();
    }

    /** Deletes every model and version a student kept (their data was deleted). */
    void deleteStudent(String student) throws IOException {
        Path dir = dir(student);
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Gives one student's models to another (a browser signed in to an account); the account's own files win. */
    synchronized void moveStudent(String from, String to) throws IOException {
        Path source = dir(from);
        Path target = dir(to);
        if (!Files.isDirectory(source)) {
            return;
        }
        try (var walk = Files.walk(source)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (!Files.exists(dest)) {
                    Files.createDirectories(dest.getParent());
                    Files.move(p, dest);
                }
            }
        }
        deleteStudent(from);
    }

    private static long names(Path versions) throws IOException {
        if (!Files.isDirectory(versions)) {
            return 0;
        }
        try (var files = Files.list(versions)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }

    private Path versionsFile(String student, JsonNode req) {
        String name = req.path("name").asText();
        if (!SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' cannot name a model's versions (letters, digits, - and _ only).");
        }
        return dir(student).resolve("versions").resolve(name + ".json");
    }

    private Path dir(String student) {
        if (!SAFE.matcher(student).matches()) {
            throw new IllegalArgumentException("not a student id: " + student);
        }
        return root.resolve(student);
    }

    private static String id(JsonNode req) {
        String id = req.path("id").asText();
        if (!SAFE.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a model id (letters, digits, - and _ only).");
        }
        return id;
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }
}
