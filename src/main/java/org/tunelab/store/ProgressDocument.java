package org.tunelab.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON a student downloads to keep or move their progress, and reads back on import.
 *
 * <pre>{@code
 * {
 *   "format": "tunelab-progress", "version": 1,
 *   "student": "ann", "exportedAt": "2026-11-23T12:00:00Z",
 *   "lessonsVisited": { "01-intro": "2026-11-20T09:00:00Z" },
 *   "exercises": { "greet": { "attempts": 3, "firstPassedAt": "2026-11-20T09:30:00Z", "hintsShown": 1 } },
 *   "exerciseCode": { "greet": { "code": "...", "savedAt": "2026-11-20T09:29:00Z" } },
 *   "cells": { "01-intro": { "cell-1": { "code": "...", "savedAt": "2026-11-20T09:05:00Z" } } },
 *   "notebooks": { "k3x9m2p7qa": { "title": "...", "summary": "", "created": "...", "updated": "...",
 *                  "cells": [ { "kind": "java", "mode": "run", "source": "..." } ] } }
 * }
 * }</pre>
 *
 * Times are ISO-8601 instants in UTC, to the millisecond. Every section is optional on import;
 * unknown fields are rejected so that a hand-edited file with a typo fails loudly.
 */
final class ProgressDocument {

    static final String FORMAT = "tunelab-progress";
    static final int VERSION = 1;

    /** Editor contents and when they were saved (the later save wins on import). */
    record SavedCode(String code, Instant savedAt) {}

    /** Everything stored for one student. Maps are sorted so exports are stable. */
    record Snapshot(Map<String, Instant> lessonsVisited,
                    Map<String, ExerciseProgress> exercises,
                    Map<String, SavedCode> exerciseCode,
                    Map<String, Map<String, SavedCode>> cells,
                    Map<String, Notebook> notebooks) {}

    // Configured once here and never changed afterwards; ObjectMapper is thread-safe for use.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ProgressDocument() {}

    static String write(String student, Snapshot s, Instant exportedAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("student", student);
        root.put("exportedAt", exportedAt.toString());
        ObjectNode visited = root.putObject("lessonsVisited");
        s.lessonsVisited().forEach((lesson, at) -> visited.put(lesson, at.toString()));
        ObjectNode exercises = root.putObject("exercises");
        s.exercises().forEach((id, p) -> {
            ObjectNode e = exercises.putObject(id);
            e.put("attempts", p.attempts());
            if (p.firstPassedAt() == null) e.putNull("firstPassedAt");
            else e.put("firstPassedAt", p.firstPassedAt().toString());
            e.put("hintsShown", p.hintsShown());
        });
        ObjectNode code = root.putObject("exerciseCode");
        s.exerciseCode().forEach((id, saved) -> putSaved(code.putObject(id), saved));
        ObjectNode cells = root.putObject("cells");
        s.cells().forEach((lesson, byCell) -> {
            ObjectNode l = cells.putObject(lesson);
            byCell.forEach((cellId, saved) -> putSaved(l.putObject(cellId), saved));
        });
        ObjectNode notebooks = root.putObject("notebooks");
        s.notebooks().forEach((id, n) -> {
            ObjectNode o = notebooks.putObject(id);
            o.put("title", n.title());
            o.put("summary", n.summary());
            o.put("created", n.created().toString());
            o.put("updated", n.updated().toString());
            var list = o.putArray("cells");
            n.cells().forEach(c -> list.addObject().put("kind", c.kind()).put("mode", c.mode()).put("source", c.source()));
        });
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export: cannot write JSON for student '" + student + "'", e);
        }
    }

    private static void putSaved(ObjectNode node, SavedCode saved) {
        node.put("code", saved.code());
        node.put("savedAt", saved.savedAt().toString());
    }

    /** Parses and checks a whole document before anything is written; bad input names its path. */
    static Snapshot read(String json) {
        if (json == null || json.isBlank()) throw bad("", "the document is empty");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("import: not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        object(root, "");
        onlyFields(root, "", Set.of("format", "version", "student", "exportedAt",
                "lessonsVisited", "exercises", "exerciseCode", "cells", "notebooks"));
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !FORMAT.equals(format.textValue())) {
            throw bad("format", "expected \"" + FORMAT + "\"; this is not a TuneLab progress export");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt()) throw bad("version", "expected an integer");
        if (version.intValue() != VERSION) {
            throw bad("version", "this TuneLab reads version " + VERSION + ", the file is version " + version.intValue());
        }

        Map<String, Instant> visited = new TreeMap<>();
        forEachField(root.get("lessonsVisited"), "lessonsVisited", (lesson, at, path) -> visited.put(lesson, instant(at, path)));

        Map<String, ExerciseProgress> exercises = new TreeMap<>();
        forEachField(root.get("exercises"), "exercises", (id, node, path) -> {
            object(node, path);
            onlyFields(node, path, Set.of("attempts", "firstPassedAt", "hintsShown"));
            JsonNode passed = node.get("firstPassedAt");
            exercises.put(id, new ExerciseProgress(id,
                    count(node.get("attempts"), path + ".attempts"),
                    passed == null || passed.isNull() ? null : instant(passed, path + ".firstPassedAt"),
                    count(node.get("hintsShown"), path + ".hintsShown")));
        });

        Map<String, SavedCode> exerciseCode = new TreeMap<>();
        forEachField(root.get("exerciseCode"), "exerciseCode", (id, node, path) -> exerciseCode.put(id, saved(node, path)));

        Map<String, Map<String, SavedCode>> cells = new TreeMap<>();
        forEachField(root.get("cells"), "cells", (lesson, byCell, lessonPath) -> {
            Map<String, SavedCode> l = cells.computeIfAbsent(lesson, k -> new TreeMap<>());
            forEachField(byCell, lessonPath, (cellId, node, path) -> l.put(cellId, saved(node, path)));
        });
        Map<String, Notebook> notebooks = new TreeMap<>();
        forEachField(root.get("notebooks"), "notebooks", (id, node, path) -> notebooks.put(id, notebook(id, node, path)));
        return new Snapshot(visited, exercises, exerciseCode, cells, notebooks);
    }

    private static Notebook notebook(String id, JsonNode node, String path) {
        object(node, path);
        onlyFields(node, path, Set.of("title", "summary", "created", "updated", "cells"));
        String title = text(node.get("title"), path + ".title");
        if (title.isBlank()) throw bad(path + ".title", "a notebook needs a title");
        JsonNode cells = node.get("cells");
        if (cells == null || !cells.isArray()) throw bad(path + ".cells", "expected a list of cells");
        java.util.List<Notebook.Cell> list = new java.util.ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String at = path + ".cells[" + i + "]";
            JsonNode c = cells.get(i);
            object(c, at);
            onlyFields(c, at, Set.of("kind", "mode", "source"));
            String kind = text(c.get("kind"), at + ".kind");
            String mode = text(c.get("mode"), at + ".mode");
            if (!Notebook.Cell.KINDS.contains(kind)) throw bad(at + ".kind", "expected one of " + new TreeSet<>(Notebook.Cell.KINDS));
            if (!Notebook.Cell.MODES.contains(mode)) throw bad(at + ".mode", "expected one of " + new TreeSet<>(Notebook.Cell.MODES));
            list.add(new Notebook.Cell(kind, mode, text(c.get("source"), at + ".source")));
        }
        return new Notebook(id, title, node.has("summary") ? text(node.get("summary"), path + ".summary") : "", list,
                instant(node.get("created"), path + ".created"), instant(node.get("updated"), path + ".updated"));
    }

    private static String text(JsonNode node, String path) {
        if (node == null || !node.isTextual()) throw bad(path, "expected a string");
        return node.textValue();
    }

    private interface FieldVisitor {
        void visit(String name, JsonNode value, String path);
    }

    /** Visits the fields of an object found at {@code path}; absent or null means none. */
    private static void forEachField(JsonNode node, String path, FieldVisitor visitor) {
        if (node == null || node.isNull()) return;
        object(node, path);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().isEmpty()) throw bad(path, "a name is empty");
            visitor.visit(f.getKey(), f.getValue(), path + "." + f.getKey());
        }
    }

    private static SavedCode saved(JsonNode node, String path) {
        object(node, path);
        onlyFields(node, path, Set.of("code", "savedAt"));
        JsonNode code = node.get("code");
        if (code == null || !code.isTextual()) throw bad(path + ".code", "expected a string");
        return new SavedCode(code.textValue(), instant(node.get("savedAt"), path + ".savedAt"));
    }

    private static int count(JsonNode node, String path) {
        if (node == null) return 0;
        if (!node.isInt() || node.intValue() < 0) throw bad(path, "expected a whole number >= 0, got " + node);
        return node.intValue();
    }

    private static Instant instant(JsonNode node, String path) {
        if (node == null || !node.isTextual()) throw bad(path, "expected a time like \"2026-11-23T12:00:00Z\"");
        try {
            return Instant.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw bad(path, "expected a time like \"2026-11-23T12:00:00Z\", got \"" + node.textValue() + "\"");
        }
    }

    private static void object(JsonNode node, String path) {
        if (!node.isObject()) throw bad(path, "expected an object, got " + node.getNodeType().name().toLowerCase());
    }

    private static void onlyFields(JsonNode node, String path, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw bad(path.isEmpty() ? name : path + "." + name, "unknown field (expected one of " + new TreeSet<>(allowed) + ")");
            }
        });
    }

    private static IllegalArgumentException bad(String path, String why) {
        return new IllegalArgumentException("import: " + (path.isEmpty() ? "" : path + ": ") + why);
    }
}
