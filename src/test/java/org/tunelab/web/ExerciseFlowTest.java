package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;

/** A student's exercise work over HTTP, and progress that outlives the server. */
class ExerciseFlowTest {
    @TempDir
    Path dir;

    private Path course() throws Exception {
        Path course = dir.resolve("course");
        Files.createDirectories(course.resolve("lessons"));
        Files.writeString(course.resolve("lessons/01-intro.md"),
                "---\ntitle: Intro\nsummary: S\n---\nText\n\n{{exercise: double-it}}\n\n{{exercise: missing-one}}\n");
        Path ex = Files.createDirectories(course.resolve("exercises/double-it"));
        Files.writeString(ex.resolve("exercise.md"),
                "---\ntitle: Double it\nlesson: intro\nhints:\n  - Multiply by `2`.\n  - \"`return n * 2;`\"\n---\nWrite `twice(int n)`.\n");
        Files.writeString(ex.resolve("Starter.jsh"), "int twice(int n) {\n    return 0;\n}\n");
        Files.writeString(ex.resolve("Solution.jsh"), "int twice(int n) { return n * 2; }\n");
        Files.writeString(ex.resolve("Check.jsh"), """
                // check: doubles 21
                assertEquals(42, twice(21), "twice(21)");

                // hidden check: doubles negative numbers
                int secretInput = -7;
                assertEquals(-14, twice(secretInput));
                """);
        return course;
    }

    @Test
    void failThenPassThenProgressSurvivesARestart() throws Exception {
        Path course = course();
        Config config = Config.forTest(course, dir.resolve("data")).withClassArchive(true); // as users run it
        String cookie;
        try (Server server = Server.start(config)) {
            TestClient student = new TestClient(server.port());
            String page = student.get("/lessons/intro").body();
            assertTrue(page.contains("data-exercise=\"double-it\""), "exercise embedded");
            assertTrue(page.contains("return 0;"), "starter shown");
            assertFalse(page.contains("n * 2"), "solution never sent");
            assertFalse(page.contains("secretInput"), "hidden check code never sent");
            assertTrue(page.contains("missing-one") && page.contains("cannot be shown"), "missing exercise explained");
            assertEquals(1, server.grader().expected(), "a grading kernel starts for her first check while she reads");

            JsonNode wrong = student.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return n + 2; }");
            assertFalse(wrong.get("passed").asBoolean());
            assertEquals(2, wrong.get("checks").size());
            JsonNode first = wrong.get("checks").get(0);
            assertEquals("doubles 21", first.get("name").asText());
            assertTrue(first.get("message").asText().contains("expected: <42> but was: <23>"), first.toString());
            JsonNode hidden = wrong.get("checks").get(1);
            assertTrue(hidden.get("hidden").asBoolean());
            assertFalse(hidden.toString().contains("secretInput"), "a hidden check's code stays hidden");

            JsonNode broken = student.code("POST", "/api/exercises/double-it/check", "int twice(int n) {\n  return n *;\n}");
            assertFalse(broken.get("passed").asBoolean());
            assertEquals(2, broken.get("diagnostics").get(0).get("line").asInt());

            JsonNode right = student.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return 2 * n; }");
            assertTrue(right.get("passed").asBoolean(), right.toString());
            assertTrue(right.get("done").asBoolean());
            assertEquals(3, right.get("attempts").asInt());
            assertEquals(0, server.grader().expected(), "she came");
            student.get("/lessons/intro");
            assertEquals(0, server.grader().expected(), "a lesson whose exercises she passed needs no grading kernel");

            // the page's way: NDJSON, where a waiting check is told its place or that a JVM starts for it
            HttpResponse<String> streamed = student.send("POST", "/api/exercises/double-it/check?stream=true",
                    TestClient.JSON.writeValueAsString(java.util.Map.of("code", "int twice(int n) { return 2 * n; }")));
            assertEquals(200, streamed.statusCode());
            assertTrue(streamed.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
            java.util.List<String> lines = streamed.body().lines().toList();
            JsonNode result = TestClient.JSON.readTree(lines.get(lines.size() - 1));
            assertEquals("result", result.get("event").asText(), streamed.body());
            assertTrue(result.get("passed").asBoolean(), result.toString());
            assertEquals(4, result.get("attempts").asInt());
            for (String line : lines.subList(0, lines.size() - 1)) {
                assertTrue(line.matches("\\{\"event\":\"(starting|queued)\".*"), "only waiting events before the result: " + line);
            }

            JsonNode hint = student.json(student.get("/api/exercises/double-it/hint?n=1"));
            assertEquals("Multiply by `2`.", hint.get("hint").asText());
            assertTrue(hint.get("html").asText().contains("<code>2</code>"));
            assertEquals(404, student.get("/api/exercises/double-it/hint?n=3").statusCode());
            assertEquals(400, student.get("/api/exercises/double-it/hint?n=two").statusCode());

            JsonNode progress = student.json(student.get("/api/progress"));
            assertEquals(1, progress.get("exercisesPassed").asInt());
            assertEquals(1, progress.get("lessonsVisited").asInt());
            assertTrue(student.get("/").body().contains("1/1 exercises"));
            cookie = student.cookie();
            server.warmup().get(120, java.util.concurrent.TimeUnit.SECONDS); // the class data archive comes first
            try (var files = java.nio.file.Files.list(dir.resolve("data/kernel"))) {
                assertTrue(files.anyMatch(f -> f.toString().endsWith(".jsa")), "the kernels' class data archive was made");
            }
        }
        try (Server again = Server.start(config)) {
            TestClient same = new TestClient(again.port(), cookie);
            JsonNode progress = same.json(same.get("/api/progress"));
            assertEquals(1, progress.get("exercisesPassed").asInt(), "passed exercise survives a restart");
            String page = same.get("/lessons/intro").body();
            assertTrue(page.contains("return 2 * n;"), "the student's code survives a restart");
            assertTrue(page.contains("exercise done"), "shown as done");
            assertTrue(page.contains("Multiply by <code>2</code>"), "revealed hint shown again");
            again.warmup().get(120, java.util.concurrent.TimeUnit.SECONDS); // the archive is checked, then used
            for (int i = 0; i < 2; i++) { // the second at least in a grading kernel started with the archive
                JsonNode checked = same.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return 2 * n; }");
                assertTrue(checked.get("passed").asBoolean(), "check " + i + " with the archive in use: " + checked);
            }

            HttpResponse<String> export = same.get("/api/progress/export");
            assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
            TestClient fresh = new TestClient(again.port());
            fresh.get("/");
            assertEquals(0, fresh.json(fresh.get("/api/progress")).get("exercisesPassed").asInt());
            assertEquals(200, fresh.send("POST", "/api/progress/import", export.body()).statusCode());
            assertEquals(1, fresh.json(fresh.get("/api/progress")).get("exercisesPassed").asInt(), "import moves progress");
            assertEquals(400, fresh.send("POST", "/api/progress/import", "[1, 2]").statusCode());
        }
    }
}
