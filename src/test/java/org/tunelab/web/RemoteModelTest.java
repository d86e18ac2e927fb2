package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;
import org.tunelab.play.LlmSettings;

/**
 * Cells calling {@code Models.remote()}: through the kernel's gateway and the server to an upstream over real
 * HTTP on loopback: another TuneLab serving Tiny at /v1, and a small upstream that fails in chosen ways.
 */
class RemoteModelTest {
    private static final String KEY = "sk-test-not-for-cells-4711";
    private static final String LESSON = "lab";

    @TempDir
    Path dir;
    private HttpServer upstream;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/fail500/chat/completions", ex -> answer(ex, 500,
                "{\"error\":{\"message\":\"the GPU caught fire\",\"type\":\"server_error\"}}"));
        upstream.createContext("/fail401/chat/completions", ex -> answer(ex, 401,
                "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
        upstream.createContext("/slow/chat/completions", ex -> {
            sleep(3000);
            answer(ex, 200, "{}");
        });
        upstream.createContext("/echo/chat/completions", ex -> {
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode req = TestClient.JSON.readTree(body);
            String said = req.path("messages").path(req.path("messages").size() - 1).path("content").asText();
            answer(ex, 200, "{\"model\":\"" + req.path("model").asText() + "\",\"choices\":[{\"message\":{\"role\":"
                    + "\"assistant\",\"content\":\"you said: " + said + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3}}");
        });
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void withoutConfigurationTheCellSaysSoAndTinyStillWorks() throws Exception {
        try (Server server = Server.start(Config.forTest(course(), dir.resolve("data")))) {
            TestClient student = new TestClient(server.port());
            JsonNode remote = student.run(LESSON, "Models.remote().complete(\"hello\")");
            assertEquals("error", remote.get("status").asText(), remote.toString());
            assertTrue(remote.get("exception").get("message").asText().contains("No remote model is configured"),
                    remote.toString());
            JsonNode tiny = student.run(LESSON, "Models.tiny().complete(Prompt.of(\"Is this review positive or negative?\")"
                    + ".example(\"I love this kettle.\", \"positive\").input(\"The lid broke in a week.\"))");
            assertEquals("ok", tiny.get("status").asText(), tiny.toString());
            JsonNode shown = tiny.get("valueDisplay");
            assertEquals("completion", shown.get("kind").asText());
            assertEquals("tiny", shown.get("model").asText());
            assertTrue(shown.get("promptTokens").asInt() > 10, shown.toString());
        }
    }

    @Test
    void theSameCellRunsOnTinyServedOverTheChatCompletionsProtocol() throws Exception {
        Path course = course();
        try (Server tinyServer = Server.start(Config.forTest(course, dir.resolve("data-upstream")))) {
            LlmSettings settings = new LlmSettings(URI.create("http://127.0.0.1:" + tinyServer.port() + "/v1"),
                    "tiny", KEY, Duration.ofSeconds(30), 256);
            try (Server server = Server.start(Config.forTest(course, dir.resolve("data")).withLlm(settings, 20))) {
                TestClient student = new TestClient(server.port());
                String cell = "Prompt p = Prompt.of(\"Is this review positive or negative?\")"
                        + ".example(\"I love this kettle.\", \"positive\").input(\"The lid broke in a week.\");\n";
                JsonNode local = student.run(LESSON, cell + "Models.tiny().complete(p)");
                JsonNode remote = student.run(LESSON, "Models.remote().complete(p)");
                assertEquals("ok", remote.get("status").asText(), remote.toString());
                JsonNode a = local.get("valueDisplay");
                JsonNode b = remote.get("valueDisplay");
                assertEquals(a.get("text").asText(), b.get("text").asText(), "same model, same greedy answer");
                assertEquals(a.get("promptTokens").asInt(), b.get("promptTokens").asInt());
                assertEquals("tiny", b.get("model").asText());
            }
        }
    }

    @Test
    void theKeyGoesUpstreamButNoCellCanReadIt() throws Exception {
        try (Server server = start("echo", 20, 30)) {
            TestClient student = new TestClient(server.port());
            JsonNode r = student.run(LESSON, "Models.remote(\"gpt-4o-mini\").complete(\"ping\").text()");
            assertEquals("ok", r.get("status").asText(), r.toString());
            assertEquals("\"you said: ping\"", r.get("value").asText());
            assertEquals(List.of("Bearer " + KEY), authorizations);
            JsonNode snoop = student.run(LESSON, """
                    String seen = System.getenv() + " " + System.getProperties() + " " + java.lang.management
                            .ManagementFactory.getRuntimeMXBean().getInputArguments();
                    seen.contains("%s") || seen.contains("sk-test")
                    """.formatted(KEY));
            assertEquals("ok", snoop.get("status").asText(), snoop.toString());
            assertEquals("false", snoop.get("value").asText());
        }
    }

    @Test
    void upstreamErrorsTimeoutsAndTheRateLimitAreSentences() throws Exception {
        try (Server failing = start("fail500", 20, 30); Server denied = start("fail401", 20, 30);
             Server slow = start("slow", 20, 1); Server limited = start("echo", 2, 30)) {
            assertEquals("The remote model answered 500: the GPU caught fire", error(failing));
            assertEquals("The remote model answered 401: Incorrect API key provided", error(denied));
            assertTrue(error(slow).startsWith("The remote model did not answer within 1 s"), error(slow));
            TestClient student = new TestClient(limited.port());
            for (int i = 0; i < 2; i++) {
                assertEquals("ok", student.run(LESSON, "Models.remote().complete(\"hi\")").get("status").asText());
            }
            JsonNode third = student.run(LESSON, "Models.remote().complete(\"hi\")");
            assertTrue(third.get("exception").get("message").asText().startsWith("Too many remote model requests"),
                    third.toString());
            JsonNode other = new TestClient(limited.port()).run(LESSON, "Models.remote().complete(\"hi\")");
            assertEquals("ok", other.get("status").asText(), "the limit is per student: " + other);
        }
    }

    private String error(Server server) throws Exception {
        JsonNode r = new TestClient(server.port()).run(LESSON, "Models.remote().complete(\"hello\")");
        assertEquals("error", r.get("status").asText(), r.toString());
        assertEquals("org.tunelab.play.RemoteModelException", r.get("exception").get("type").asText());
        assertFalse(r.toString().contains(KEY));
        return r.get("exception").get("message").asText();
    }

    private Server start(String path, int perMinute, int timeoutSeconds) throws Exception {
        LlmSettings settings = new LlmSettings(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/" + path),
                "default-model", KEY, Duration.ofSeconds(timeoutSeconds), 8192);
        return Server.start(Config.forTest(course(), dir.resolve("data-" + path + perMinute + timeoutSeconds))
                .withLlm(settings, perMinute));
    }

    private Path course() throws Exception {
        Path course = dir.resolve("course");
        if (!Files.exists(course)) {
            Files.createDirectories(course.resolve("lessons"));
            Files.writeString(course.resolve("lessons/01-lab.md"), "---\ntitle: Lab\nsummary: S\n---\nText\n");
        }
        return course;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
