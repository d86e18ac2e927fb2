package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;
import org.tunelab.course.LessonParser;

/** The playground's notebooks over HTTP: CRUD, a restart of the server, lessons in and out, own kernels. */
class PlaygroundTest {
    private static final String LESSON = """
            ---
            title: "Lab: a lesson"
            summary: Two cells.
            ---

            Some prose.

            ```java
            int base = 40;
            ```

            ```java expect-error
            int broken = "text";
            ```
            """;

    @TempDir
    Path dir;

    private Path course() throws Exception {
        Path lessons = Files.createDirectories(dir.resolve("course/lessons"));
        Files.writeString(lessons.resolve("01-lab.md"), LESSON);
        return dir.resolve("course");
    }

    private static String json(Object value) throws Exception {
        return TestClient.JSON.writeValueAsString(value);
    }

    private static JsonNode ok(TestClient client, HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return client.json(r);
    }

    @Test
    void aNotebookIsMadeSavedAndFoundAgainAfterTheServerRestarts() throws Exception {
        Path course = course();
        String cookie;
        String id;
        List<Map<String, String>> cells = List.of(
                Map.of("kind", "markdown", "mode", "run", "source", "# Mine\n\nA note."),
                Map.of("kind", "java", "mode", "run", "source", "int answer = 6 * 7;"),
                Map.of("kind", "java", "mode", "run", "source", "answer"));
        try (Server server = Server.start(Config.forTest(course, dir.resolve("data")))) {
            TestClient ann = new TestClient(server.port());
            ann.get("/playground"); // the page sets the cookies a browser would have
            assertTrue(ann.get("/playground").body().contains("No notebooks yet"), "empty state");
            JsonNode made = ok(ann, ann.send("POST", "/api/notebooks", "{}"), 201);
            id = made.get("id").asText();
            assertEquals("Untitled notebook", made.get("title").asText());
            assertEquals(1, made.get("cells").size(), "a new notebook starts with one empty code cell");
            ok(ann, ann.send("PUT", "/api/notebooks/" + id,
                    json(Map.of("title", "Answers", "summary", "Mine.", "cells", cells))), 200);
            ann.run("lab", "int answer = 1;"); // a lesson's kernel is not the notebook's
            assertEquals("error", ok(ann, ann.send("POST", "/api/notebooks/" + id + "/run",
                    json(Map.of("code", "answer"))), 200).get("status").asText(), "nothing ran in the notebook yet");
            ok(ann, ann.send("POST", "/api/notebooks/" + id + "/run", json(Map.of("code", "int answer = 6 * 7;"))), 200);
            assertEquals("42", ok(ann, ann.send("POST", "/api/notebooks/" + id + "/run",
                    json(Map.of("code", "answer"))), 200).get("value").asText());
            JsonNode completions = ok(ann, ann.send("POST", "/api/notebooks/" + id + "/complete",
                    json(Map.of("code", "answ", "cursor", 4))), 200);
            assertTrue(completions.get("suggestions").toString().contains("answer"),
                    "completes from the notebook's own kernel: " + completions);
            cookie = ann.cookie();
        }
        try (Server server = Server.start(Config.forTest(course, dir.resolve("data")))) {
            TestClient ann = new TestClient(server.port(), cookie);
            JsonNode back = ok(ann, ann.get("/api/notebooks/" + id), 200);
            assertEquals("Answers", back.get("title").asText());
            assertEquals("Mine.", back.get("summary").asText());
            assertEquals(TestClient.JSON.valueToTree(cells), back.get("cells"));
            JsonNode list = ok(ann, ann.get("/api/notebooks"), 200).get("notebooks");
            assertEquals(1, list.size());
            assertEquals(3, list.get(0).get("cells").asInt());
            String page = ann.get("/playground").body();
            assertTrue(page.contains("/playground/" + id) && page.contains("Answers"), "listed on the page");
            int expected = server.kernels().expected();
            assertEquals(200, ann.get("/playground/" + id).statusCode());
            assertEquals(expected + 1, server.kernels().expected(), "opening a notebook starts its kernel");

            TestClient bob = new TestClient(server.port());
            bob.get("/playground");
            assertEquals(404, bob.get("/api/notebooks/" + id).statusCode(), "bob cannot open ann's notebook");
            assertEquals(404, bob.send("DELETE", "/api/notebooks/" + id, null).statusCode());
            assertEquals(404, bob.send("POST", "/api/notebooks/" + id + "/run", json(Map.of("code", "1"))).statusCode());

            ok(ann, ann.send("DELETE", "/api/notebooks/" + id, null), 200);
            assertEquals(404, ann.get("/api/notebooks/" + id).statusCode());
            assertEquals(404, ann.get("/playground/" + id).statusCode());
        }
    }

    @Test
    void aLessonOpensInThePlaygroundWithTheStudentsEditsAndExportsAsALessonFile() throws Exception {
        try (Server server = Server.start(Config.forTest(course(), dir.resolve("data")))) {
            TestClient ann = new TestClient(server.port());
            ann.get("/lessons/lab");
            ann.code("PUT", "/api/lessons/lab/cells/cell-1", "int base = 41;");
            JsonNode made = ok(ann, ann.send("POST", "/api/lessons/lab/playground", null), 201);
            assertEquals("Lab: a lesson", made.get("title").asText());
            JsonNode cells = made.get("cells");
            assertEquals("Some prose.", cells.get(0).get("source").asText());
            assertEquals("int base = 41;", cells.get(1).get("source").asText(), "the student's edit, not the lesson's");
            assertEquals("expect-error", cells.get(2).get("mode").asText());

            HttpResponse<String> export = ann.get("/api/notebooks/" + made.get("id").asText() + "/export");
            assertEquals(200, export.statusCode());
            assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains("02-lab-a-lesson.md"),
                    "named for the next lesson number: " + export.headers().map());
            assertEquals(LESSON.replace("int base = 40;", "int base = 41;"), export.body());
            assertEquals(2, LessonParser.parse(Path.of("02-lab-a-lesson.md"), export.body()).cells().size());
        }
    }

    @Test
    void importTakesALessonFileAndRefusesABrokenOneWithItsLine() throws Exception {
        try (Server server = Server.start(Config.forTest(course(), dir.resolve("data")))) {
            TestClient ann = new TestClient(server.port());
            ann.get("/playground");
            JsonNode made = ok(ann, ann.send("POST", "/api/notebooks/import", json(Map.of("markdown", LESSON))), 201);
            assertEquals(3, made.get("cells").size());
            assertEquals(LESSON, ann.get("/api/notebooks/" + made.get("id").asText() + "/export").body());

            HttpResponse<String> broken = ann.send("POST", "/api/notebooks/import",
                    json(Map.of("markdown", "---\ntitle: T\nsummary: S\n---\n\n```java fast\n1\n```\n")));
            assertEquals(400, broken.statusCode());
            assertTrue(broken.body().contains("line 6") && broken.body().contains("unknown word 'fast'"), broken.body());
            HttpResponse<String> prose = ann.send("POST", "/api/notebooks/import", json(Map.of("markdown", "just text")));
            assertEquals(400, prose.statusCode());
            assertTrue(prose.body().contains("front matter"), prose.body());
        }
    }

    @Test
    void badCellsAreRefusedWithAReasonAndNothingIsSaved() throws Exception {
        try (Server server = Server.start(Config.forTest(course(), dir.resolve("data")))) {
            TestClient ann = new TestClient(server.port());
            ann.get("/playground");
            String id = ok(ann, ann.send("POST", "/api/notebooks", "{}"), 201).get("id").asText();
            HttpResponse<String> kind = ann.send("PUT", "/api/notebooks/" + id,
                    json(Map.of("title", "T", "cells", List.of(Map.of("kind", "python", "source", "x")))));
            assertEquals(400, kind.statusCode());
            assertTrue(kind.body().contains("Cell 1: kind is 'java' or 'markdown'"), kind.body());
            HttpResponse<String> noCells = ann.send("PUT", "/api/notebooks/" + id, json(Map.of("title", "T")));
            assertEquals(400, noCells.statusCode());
            assertEquals("Untitled notebook", ok(ann, ann.get("/api/notebooks/" + id), 200).get("title").asText());
            HttpResponse<String> noToken = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/notebooks"))
                            .header("Cookie", Students.COOKIE + "=" + ann.cookie())
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, noToken.statusCode(), "CSRF token required: " + noToken.body());
        }
    }

    @Test
    void markdownIsRenderedAsLessonsAreButRawHtmlStaysText() throws Exception {
        try (Server server = Server.start(Config.forTest(course(), dir.resolve("data")))) {
            TestClient ann = new TestClient(server.port());
            ann.get("/playground");
            String html = ok(ann, ann.send("POST", "/api/markdown",
                    json(Map.of("text", "## Hi\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n\nSee [x](javascript:alert) and [ok](https://example.org)."))), 200)
                    .get("html").asText();
            assertTrue(html.contains("<h2>Hi</h2>") && html.contains("<table>"), html);
            assertFalse(html.contains("<script>"), html);
            assertFalse(html.contains("href=\"javascript"), html);
            assertTrue(html.contains("href=\"https://example.org\""), html);
        }
    }
}
