package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;
import org.tunelab.store.TestSchema;

/**
 * Two instances behind Debian's nginx (configured from {@code deploy/nginx.conf.template}, as
 * {@code deploy/local-cluster} does) on one PostgreSQL: a student's progress, edit, notebook and saved model survive
 * their instance stopping, and their next run, on the other instance, says that the kernel is new. Runs where nginx
 * and a PostgreSQL database ({@code TUNELAB_TEST_PG_URL}) are there; under CI both must be ({@code .ci/run} installs
 * them).
 */
class ClusterTest {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;
    private final List<Server> servers = new ArrayList<>();
    private Process nginx;
    private TestSchema schema;

    @AfterEach
    void stopEverything() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (Server s : servers) {
            s.close();
        }
        if (schema != null) {
            schema.close();
        }
    }


    private Path course() throws IOException {
        return TestCourses.doubleIt(dir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts two instances on a fresh schema, and nginx in front; returns nginx's port. */
    private int startCluster() throws Exception {
        boolean ci = System.getenv("CI") != null;
        boolean ready = Files.isExecutable(NGINX) && TestSchema.configured();
        if (!ready && ci) {
            throw new IllegalStateException("CI must install nginx and set TUNELAB_TEST_PG_URL (see .ci/run)");
        }
        assumeTrue(ready, "the cluster test needs nginx (apt-get install nginx) and TUNELAB_TEST_PG_URL");
        schema = TestSchema.create();
        Path course = course();
        Path models = Files.createDirectories(dir.resolve("models"));
        for (String name : List.of("a", "b")) {
            servers.add(Server.start(Config.forTest(course, dir.resolve(name)).withDatabase(schema.url(), TestSchema.USER, TestSchema.PASSWORD)
                    .withModelsDir(models)));
        }
        int port = freePort();
        Path state = Files.createDirectories(dir.resolve("nginx"));
        Files.createDirectories(state.resolve("nginx-tmp"));
        String conf = Files.readString(Path.of("deploy/nginx.conf.template"))
                .replace("@STATE@", state.toString()).replace("@PORT@", String.valueOf(port))
                .replace("@A@", String.valueOf(servers.get(0).port())).replace("@B@", String.valueOf(servers.get(1).port()));
        Files.writeString(state.resolve("nginx.conf"), conf);
        nginx = new ProcessBuilder(NGINX.toString(), "-c", state.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(state.resolve("nginx.out").toFile()).start();
        TestClient probe = new TestClient(port);
        for (int i = 0; i < 100; i++) {
            try {
                if (probe.get("/health").statusCode() == 200) {
                    return port;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertTrue(nginx.isAlive(), () -> "nginx ended: " + read(state.resolve("nginx.out")));
            Thread.sleep(100);
        }
        throw new AssertionError("nginx did not answer: " + read(state.resolve("nginx.out")));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aStudentsWorkSurvivesTheirInstanceStopping() throws Exception {
        int port = startCluster();
        TestClient ann = new TestClient(port);
        String page = ann.get("/lessons/intro").body();
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("data-cell=\"([^\"]+)\"").matcher(page);
        assertTrue(cell.find());
        JsonNode first = ann.run("intro", "int x = 41;");
        assertEquals("ok", first.get("status").asText());
        String kernel = first.get("kernel").asText();
        assertEquals(200, ann.send("PUT", "/api/lessons/intro/cells/" + cell.group(1),
                TestClient.JSON.writeValueAsString(Map.of("code", "int x = 41; // mine"))).statusCode());
        assertTrue(ann.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return n * 2; }")
                .get("passed").asBoolean());
        assertEquals(201, ann.send("POST", "/api/notebooks", "{\"title\":\"Notes\"}").statusCode());
        JsonNode second = ann.run("intro", "x + 1");
        assertEquals("42", second.get("value").asText(), "sticky: the same kernel");
        assertEquals(kernel, second.get("kernel").asText());

        Server hers = servers.stream().filter(s -> s.kernels().size() == 1).findFirst().orElseThrow();
        Server other = servers.stream().filter(s -> s != hers).findFirst().orElseThrow();
        assertEquals(0, other.kernels().size(), "one instance holds her kernel");
        JsonNode tuned = ann.run("intro", "FineTune.of(Models.tiny()).data(Datasets.supportTickets(8, 1)).epochs(1).run().id()");
        assertEquals("ok", tuned.get("status").asText(), tuned.toString());
        String modelId = tuned.get("value").asText().replace("\"", "");
        hers.close();
        servers.remove(hers);

        JsonNode after = ann.json(ann.send("POST", "/api/lessons/intro/run",
                TestClient.JSON.writeValueAsString(Map.of("code", "x + 1", "kernel", kernel))));
        assertEquals(1, other.kernels().size(), "her next run landed on the other instance");
        assertTrue(after.get("stateLost").asBoolean(), after.toString());
        assertTrue(after.get("message").asText().contains("new kernel"), after.toString());
        assertNotEquals(kernel, after.get("kernel").asText());
        JsonNode again = ann.run("intro", "int x = 41; x + 1");
        assertEquals("42", again.get("value").asText());
        assertFalse(again.get("stateLost").asBoolean());

        assertEquals(1, ann.json(ann.get("/api/progress")).get("exercisesPassed").asInt(), "her pass is kept");
        assertTrue(ann.get("/lessons/intro").body().contains("// mine"), "her edit is kept");
        assertEquals(1, ann.json(ann.get("/api/notebooks")).get("notebooks").size(), "her notebook is kept");
        JsonNode loaded = ann.run("intro", "Models.load(\"" + modelId + "\").id()");
        assertEquals("\"" + modelId + "\"", loaded.get("value").asText(), "the model she saved on the stopped instance: " + loaded);
    }
}
