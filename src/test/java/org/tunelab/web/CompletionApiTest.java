package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;

/** The completion and documentation endpoints over HTTP, with real kernels. */
class CompletionApiTest {
    @TempDir
    static Path dir;
    static Server server;

    @BeforeAll
    static void start() throws Exception {
        Path course = dir.resolve("course");
        Files.createDirectories(course.resolve("lessons"));
        Files.writeString(course.resolve("lessons/01-first.md"),
                "---\ntitle: First\nsummary: S\n---\n```java\nint x = 1;\n```\n\n{{exercise: double-it}}\n");
        Path ex = Files.createDirectories(course.resolve("exercises/double-it"));
        Files.writeString(ex.resolve("exercise.md"), "---\ntitle: Double it\nlesson: first\n---\nWrite `twice(int n)`.\n");
        Files.writeString(ex.resolve("Starter.jsh"), "int twice(int n) {\n    return 0;\n}\n");
        Files.writeString(ex.resolve("Solution.jsh"), "int twice(int n) { return n * 2; }\n");
        Files.writeString(ex.resolve("Check.jsh"), "// check: doubles 21\nassertEquals(42, twice(21));\n");
        server = Server.start(Config.forTest(course, dir.resolve("data")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ask(TestClient client, String path, String code, int cursor) throws Exception {
        HttpResponse<String> r = client.send("POST", path,
                TestClient.JSON.writeValueAsString(Map.of("code", code, "cursor", cursor)));
        assertEquals(200, r.statusCode(), r.body());
        return client.json(r);
    }

    private static List<String> suggestions(JsonNode answer) {
        List<String> list = new ArrayList<>();
        answer.get("suggestions").forEach(s -> list.add(s.asText()));
        return list;
    }

    @Test
    void lessonCompletionUsesTheStudentsOwnKernel() throws Exception {
        TestClient student = new TestClient(server.port());
        student.get("/lessons/first");
        student.run("first", "var reviews = List.of(\"great\", \"awful\");");
        JsonNode answer = ask(student, "/api/lessons/first/complete", "reviews.si", 10);
        assertEquals(8, answer.get("anchor").asInt());
        assertFalse(answer.get("busy").asBoolean());
        assertEquals(List.of("size()"), suggestions(answer));

        TestClient other = new TestClient(server.port());
        other.get("/lessons/first");
        JsonNode theirs = ask(other, "/api/lessons/first/complete", "reviews.si", 10);
        assertEquals(List.of(), suggestions(theirs), "another student's kernel has no reviews");
        assertTrue(suggestions(ask(other, "/api/lessons/first/complete", "Models.", 7)).contains("tiny()"),
                "a student without a kernel gets a fresh kernel's imports");
    }

    @Test
    void documentationOfAPlayMethod() throws Exception {
        TestClient student = new TestClient(server.port());
        student.get("/lessons/first");
        JsonNode answer = ask(student, "/api/lessons/first/docs", "Models.tiny()", 9);
        JsonNode entry = answer.get("entries").get(0);
        assertEquals("Model Models.tiny()", entry.get("signature").asText(), answer.toString());
        assertTrue(entry.get("javadoc").asText().startsWith("Tiny, the small transformer"), answer.toString());
    }

    @Test
    void exerciseEditorsCompleteToo() throws Exception {
        TestClient student = new TestClient(server.port());
        student.get("/lessons/first");
        String code = "int twice(int n) {\n    String s = Models.";
        assertTrue(suggestions(ask(student, "/api/exercises/double-it/complete", code, code.length())).contains("tiny()"));
        JsonNode docs = ask(student, "/api/exercises/double-it/docs", "Math.abs(", 9);
        assertTrue(docs.get("entries").size() >= 2, docs.toString());
    }

    @Test
    void unknownPagesAndBadRequests() throws Exception {
        TestClient student = new TestClient(server.port());
        student.get("/lessons/first");
        String body = "{\"code\": \"x.\", \"cursor\": 2}";
        assertEquals(404, student.send("POST", "/api/lessons/nope/complete", body).statusCode());
        assertEquals(404, student.send("POST", "/api/lessons/nope/docs", body).statusCode());
        assertEquals(404, student.send("POST", "/api/exercises/nope/complete", body).statusCode());
        HttpResponse<String> past = student.send("POST", "/api/lessons/first/complete", "{\"code\": \"x.\", \"cursor\": 3}");
        assertEquals(400, past.statusCode());
        assertTrue(past.body().contains("from 0 to the code's length, 2"), past.body());
        assertEquals(400, student.send("POST", "/api/lessons/first/docs", "{\"code\": \"x.\"}").statusCode());
    }

    @Test
    void aStudentsRequestNeedsThePagesToken() throws Exception {
        TestClient student = new TestClient(server.port());
        student.get("/lessons/first");
        HttpRequest forged = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/lessons/first/complete"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"Models.\", \"cursor\": 7}"))
                .header("Content-Type", "application/json")
                .header("Cookie", Students.COOKIE + "=" + student.cookie() + "; " + Csrf.COOKIE + "="
                        + student.csrfToken().orElseThrow())
                .build();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(forged, HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
    }
}
