package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;

/** The server end to end over HTTP: real Javalin on a random port, real kernels, real SQLite. */
class AppTest {
    @TempDir
    static Path dir;
    static Server server;
    static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        Path course = dir.resolve("course");
        Files.createDirectories(course.resolve("lessons"));
        Files.writeString(course.resolve("lessons/01-first.md"), """
                ---
                title: First lesson
                summary: The first one
                ---
                ## Start here

                ```java
                int x = 40;
                ```

                ```java
                x + 2
                ```

                ```java no-run
                notRunnable();
                ```

                ```claim
                x + 2 == 42   // <b>x</b> plus two is the answer
                ```
                """);
        Files.writeString(course.resolve("lessons/02-second.md"), "---\ntitle: Second\nsummary: S\n---\nText\n");
        Files.writeString(course.resolve("lessons/03-broken.md"), "---\ntitle: Broken\nsummary S\n---\n");
        server = Server.start(Config.forTest(course, dir.resolve("data")).withRunTimeout(Duration.ofSeconds(3)));
        client = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void indexListsLessonsInOrderMarksTheBrokenOneAndSetsTheStudentCookie() throws Exception {
        HttpResponse<String> r = new TestClient(server.port()).get("/");
        assertEquals(200, r.statusCode());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(Students.COOKIE + "="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        String body = r.body();
        assertTrue(body.indexOf("First lesson") < body.indexOf("Second"), "lessons in file-name order");
        assertTrue(body.contains("03-broken.md") && body.contains("cannot load"), "broken lesson marked");
        assertTrue(body.contains("lessons/03-broken.md:3"), "problem names file and line");
    }

    @Test
    void openingALessonWithCellsStartsAKernelForTheStudentOnce() throws Exception {
        TestClient reader = new TestClient(server.port());
        int before = server.kernels().expected();
        assertEquals(200, reader.get("/lessons/second").statusCode());
        assertEquals(before, server.kernels().expected(), "a lesson without cells needs no kernel");
        assertEquals(200, reader.get("/lessons/first").statusCode());
        assertEquals(before + 1, server.kernels().expected(), "its kernel starts while the student reads");
        assertEquals(200, reader.get("/lessons/first").statusCode());
        assertEquals(before + 1, server.kernels().expected(), "once per student");
        assertEquals("42", reader.run("first", "40 + 2").path("value").asText());
        assertEquals(before, server.kernels().expected(), "the student came");
    }

    @Test
    void lessonPageRendersCellsTocAndNavigation() throws Exception {
        HttpResponse<String> r = client.get("/lessons/first");
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("data-cell=\"cell-1\"") && body.contains("data-cell=\"cell-2\""), "runnable cells");
        assertTrue(body.contains("cell-display"), "display-only cell");
        assertFalse(body.contains("data-cell=\"cell-3\" data-mode"), "display-only cell has no run mode");
        assertTrue(body.contains("id=\"start-here\"") && body.contains("href=\"#start-here\""), "heading anchor and toc");
        assertTrue(body.contains("href=\"/lessons/second\""), "next link");
        assertTrue(body.contains("<details class=\"claims\">") && body.contains("&lt;b&gt;x&lt;/b&gt; plus two is the answer")
                && body.contains("<code>x + 2 == 42</code>"), "a checked claim: its words escaped, its expression");
        assertFalse(body.contains("data-cell=\"cell-4\""), "a claim is not a cell");
    }

    @Test
    void brokenLessonShowsFileLineAndReasonWithoutTakingOthersDown() throws Exception {
        HttpResponse<String> r = client.get("/lessons/broken");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("lessons/03-broken.md"), r.body());
        assertTrue(r.body().contains("expected &#39;key: value&#39;") || r.body().contains("expected 'key: value'"), r.body());
        assertEquals(200, client.get("/lessons/second").statusCode());
    }

    @Test
    void unknownPagesAndLessonsAre404() throws Exception {
        HttpResponse<String> page = client.get("/lessons/nope");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("No lesson &#39;nope&#39;"), page.body());
        HttpResponse<String> noRoute = client.get("/no/such/page");
        assertEquals(404, noRoute.statusCode());
        assertTrue(noRoute.body().contains("GET /no/such/page not found"), noRoute.body());
        HttpResponse<String> noEndpoint = client.get("/api/nothing");
        assertEquals(404, noEndpoint.statusCode());
        assertTrue(client.json(noEndpoint).get("error").asText().contains("GET /api/nothing not found"));

        HttpResponse<String> api = client.send("POST", "/api/lessons/nope/run", "{\"code\":\"1\"}");
        assertEquals(404, api.statusCode());
        assertTrue(client.json(api).get("error").asText().contains("nope"));
    }

    @Test
    void stateIsSharedAcrossRunsAndRestartForgetsIt() throws Exception {
        TestClient student = new TestClient(server.port());
        assertEquals("ok", student.run("first", "int x = 40;").get("status").asText());
        JsonNode r = student.run("first", "x + 2");
        assertEquals("ok", r.get("status").asText());
        assertEquals("42", r.get("value").asText());
        assertTrue(r.get("elapsedMs").asLong() >= 0);

        TestClient other = new TestClient(server.port());
        assertEquals("error", other.run("first", "x + 2").get("status").asText(), "another student has no x");

        assertEquals(200, student.send("POST", "/api/lessons/first/restart", "").statusCode());
        assertEquals("error", student.run("first", "x + 2").get("status").asText(), "restart forgot x");
    }

    @Test
    void runReportsOutputCompileErrorsAndExceptions() throws Exception {
        JsonNode printed = client.run("second", "System.out.println(\"hi\");\nSystem.err.println(\"oops\");");
        assertEquals("hi\n", printed.get("stdout").asText());
        assertEquals("oops\n", printed.get("stderr").asText());

        JsonNode compile = client.run("second", "int a = 1;\nint b = a +;\n");
        assertEquals("error", compile.get("status").asText());
        assertEquals(2, compile.get("diagnostics").get(0).get("line").asInt());

        JsonNode thrown = client.run("second", "Object o = null;\no.toString();");
        assertEquals("error", thrown.get("status").asText());
        assertEquals("java.lang.NullPointerException", thrown.get("exception").get("type").asText());
    }

    @Test
    void endlessLoopIsStoppedAndExitIsSurvived() throws Exception {
        TestClient student = new TestClient(server.port());
        JsonNode loop = student.run("second", "while (true) { }");
        assertEquals("timeout", loop.get("status").asText());
        assertTrue(loop.get("message").asText().contains("3"), loop.toString());

        JsonNode exit = student.run("second", "System.exit(3);");
        assertEquals("died", exit.get("status").asText());
        JsonNode after = student.run("second", "1 + 1");
        assertEquals("ok", after.get("status").asText());
        assertEquals("2", after.get("value").asText());
        assertTrue(after.get("stateLost").asBoolean(), "the student is told state was lost");
    }

    @Test
    void streamedRunDeliversOutputBeforeTheCellEnds() throws Exception {
        long start = System.nanoTime();
        java.util.List<Long> outputTimes = new java.util.ArrayList<>();
        java.util.List<JsonNode> events = new java.util.ArrayList<>();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                                + "/api/lessons/second/run?stream=true"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"code\": \"System.out.println(\\\"first\\\"); Thread.sleep(1500); System.out.println(\\\"second\\\"); 7\"}"))
                        .header("Content-Type", "application/json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        r.body().forEach(line -> {
            try {
                JsonNode event = TestClient.JSON.readTree(line);
                events.add(event);
                if (event.get("event").asText().equals("output")) {
                    outputTimes.add((System.nanoTime() - start) / 1_000_000);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long end = (System.nanoTime() - start) / 1_000_000;
        JsonNode firstOutput = events.stream().filter(e -> e.get("event").asText().equals("output")).findFirst().orElseThrow();
        assertEquals("first\n", firstOutput.get("text").asText());
        assertTrue(events.stream().takeWhile(e -> e != firstOutput).allMatch(e -> e.get("event").asText().equals("starting")),
                "before its output a run is told at most that its kernel is starting: " + events);
        assertTrue(outputTimes.get(0) + 1000 < end, "first line arrived " + outputTimes.get(0) + " ms, run ended " + end + " ms");
        JsonNode last = events.get(events.size() - 1);
        assertEquals("result", last.get("event").asText());
        assertEquals("ok", last.get("status").asText());
        assertEquals("7", last.get("value").asText());
        assertEquals("first\nsecond\n", last.get("stdout").asText());
    }

    @Test
    void outputIsCapped() throws Exception {
        JsonNode r = client.run("second", "for (int i = 0; i < 20000; i++) System.out.println(\"line \" + i);");
        assertTrue(r.get("truncated").asBoolean());
        assertTrue(r.get("stdout").asText().length() <= 70 * 1024, "capped near 64 KiB");
    }

    @Test
    void codeTooDeepToCompileIsAStudentErrorNotA500() throws Exception {
        String deep = "int x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ";";
        HttpResponse<String> run = client.send("POST", "/api/lessons/second/run",
                TestClient.JSON.createObjectNode().put("code", deep).toString());
        assertEquals(200, run.statusCode(), run.body());
        JsonNode r = client.json(run);
        assertEquals("error", r.get("status").asText());
        assertTrue(r.get("message").asText().contains("nested too deeply"), r.toString());
        HttpResponse<String> complete = client.send("POST", "/api/lessons/second/complete",
                TestClient.JSON.createObjectNode().put("code", deep).put("cursor", 10).toString());
        assertEquals(200, complete.statusCode(), complete.body());
        assertEquals("2", client.run("second", "1 + 1").get("value").asText(), "the kernel is still usable");
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        HttpResponse<String> malformed = client.send("POST", "/api/lessons/first/run", "{not json");
        assertEquals(400, malformed.statusCode());
        assertTrue(client.json(malformed).get("error").asText().contains("not valid JSON"));

        HttpResponse<String> missing = client.send("POST", "/api/lessons/first/run", "{\"text\": \"1\"}");
        assertEquals(400, missing.statusCode());
        assertTrue(client.json(missing).get("error").asText().contains("\"code\""));

        HttpResponse<String> huge = client.send("POST", "/api/lessons/first/run",
                "{\"code\": \"" + "x".repeat(300 * 1024) + "\"}");
        assertEquals(413, huge.statusCode());
    }

    @Test
    void editsAreSavedAndReset() throws Exception {
        TestClient student = new TestClient(server.port());
        student.code("PUT", "/api/lessons/first/cells/cell-1", "int x = 1000;");
        String page = student.get("/lessons/first").body();
        assertTrue(page.contains("int x = 1000;"), "saved edit shown");
        assertTrue(page.contains("cell edited"), "marked edited");

        JsonNode reset = TestClient.JSON.readTree(student.send("DELETE", "/api/lessons/first/cells/cell-1", null).body());
        assertEquals("int x = 40;", reset.get("code").asText());
        assertFalse(student.get("/lessons/first").body().contains("int x = 1000;"));

        assertEquals(404, student.send("PUT", "/api/lessons/first/cells/cell-3", "{\"code\":\"x\"}").statusCode(),
                "display-only cells are not editable");
    }

    @Test
    void healthAnswers() throws Exception {
        JsonNode health = client.json(client.get("/health"));
        assertEquals("ok", health.get("status").asText());
        assertEquals(2, health.get("lessons").asInt());
        assertEquals(1, health.get("brokenLessons").asInt());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> r = client.get("/");
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }
}
