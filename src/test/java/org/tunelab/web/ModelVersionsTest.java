package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;

/** Versions of a named model from cells: kept per student on the server, across kernels and restarts. */
class ModelVersionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TUNE = "TunedModel tune(Dataset d) { return FineTune.of(Models.tiny()).data(d).epochs(1).lora(2).run(); }\n"
            + "Dataset d = Datasets.supportTickets(24, 3);\n";

    @TempDir
    Path dir;

    @Test
    void versionsOutliveTheKernelAndTheServerAndArePerStudent() throws Exception {
        Config config = Config.forTest(course(), dir.resolve("data")).withRunTimeout(java.time.Duration.ofSeconds(30));
        String cookie;
        String firstId;
        try (Server server = Server.start(config)) {
            TestClient ann = new TestClient(server.port());
            JsonNode published = ann.run("one", TUNE
                    + "TunedModel a = tune(d);\nTunedModel b = tune(d.withLabelNoise(0.25, 7));\n"
                    + "Versions router = Versions.of(\"router\");\n"
                    + "router.publish(a, \"24 tickets\") + \" \" + router.publish(b, \"relabelled\") + \" \" + a.id()");
            assertEquals("ok", published.get("status").asText(), published.toString());
            String[] value = published.get("value").asText().replace("\"", "").split(" ");
            assertEquals("1", value[0]);
            assertEquals("2", value[1]);
            firstId = value[2];
            cookie = ann.cookie();

            JsonNode other = ann.run("two", "Versions.of(\"router\").liveVersion()");
            assertEquals("2", other.get("value").asText(), "another lesson's kernel sees the versions: " + other);
            JsonNode rolledBack = ann.run("two", "Versions.of(\"router\").rollback()");
            assertEquals("1", rolledBack.get("value").asText(), rolledBack.toString());
            JsonNode table = ann.run("one", "router");
            assertEquals("table", table.get("valueDisplay").get("kind").asText(), table.toString());
            assertTrue(table.get("valueDisplay").get("title").asText().endsWith("2 versions, version 1 live"), table.toString());

            JsonNode missing = ann.run("one", "router.rollback(5)");
            assertEquals("error", missing.get("status").asText());
            assertEquals("router has no version 5; its versions are 1 to 2.",
                    missing.get("exception").get("message").asText());
        }
        Path saved;
        try (var students = Files.list(dir.resolve("data/models"))) {
            saved = students.findFirst().orElseThrow().resolve("versions/router.json"); // Ann's folder, the only one
        }
        assertEquals(3, JSON.readTree(saved.toFile()).path("revision").asInt(), "two publishes and a rollback");

        try (Server restarted = Server.start(config)) {
            TestClient ann = new TestClient(restarted.port(), cookie);
            ann.get("/lessons/two");
            JsonNode live = ann.run("two", "Versions.of(\"router\").live().id()");
            assertEquals("\"" + firstId + "\"", live.get("value").asText(), "the rollback survived the restart: " + live);
            JsonNode bob = new TestClient(restarted.port()).run("two", "Versions.of(\"router\").versions().size()");
            assertEquals("0", bob.get("value").asText(), "versions are per student: " + bob);
        }
    }

    @Test
    void aKernelOfNobodysKeepsItsVersionsInTheObjectOnly() throws Exception {
        CellGateway gateway = (CellGateway) Server.gateway(Config.forTest(course(), dir.resolve("data")));
        JsonNode read = JSON.readTree(gateway.handle(null, "{\"op\": \"models.versions\", \"name\": \"router\"}"));
        assertEquals(false, read.path("kept").asBoolean(true), read.toString());
        JsonNode save = JSON.readTree(gateway.handle(null,
                "{\"op\": \"models.versions.save\", \"name\": \"router\", \"versions\": {\"revision\": 1}}"));
        assertEquals(false, save.path("kept").asBoolean(true), save.toString());
        assertTrue(Files.notExists(dir.resolve("data/models")), "nothing written for an exercise check or validate");

        JsonNode escape = JSON.readTree(gateway.handle("ann/lesson/one",
                "{\"op\": \"models.versions.save\", \"name\": \"../../x\", \"versions\": {\"revision\": 1}}"));
        assertEquals("'../../x' cannot name a model's versions (letters, digits, - and _ only).",
                escape.path("error").asText(), escape.toString());
        JsonNode stale = JSON.readTree(gateway.handle("ann/lesson/one",
                "{\"op\": \"models.versions.save\", \"name\": \"router\", \"versions\": {\"revision\": 2}}"));
        assertTrue(stale.path("error").asText().startsWith("The versions of 'router' were changed elsewhere"), stale.toString());

        for (int i = 0; i < ModelFiles.MAX_NAMES; i++) {
            JsonNode saved = JSON.readTree(gateway.handle("ann/lesson/one",
                    "{\"op\": \"models.versions.save\", \"name\": \"m" + i + "\", \"versions\": {\"revision\": 1}}"));
            assertTrue(saved.path("ok").asBoolean(), saved.toString());
        }
        JsonNode tooMany = JSON.readTree(gateway.handle("ann/lesson/one",
                "{\"op\": \"models.versions.save\", \"name\": \"one-more\", \"versions\": {\"revision\": 1}}"));
        assertEquals("You already keep versions of 100 named models; reuse a name.", tooMany.path("error").asText());
        JsonNode again = JSON.readTree(gateway.handle("ann/lesson/one",
                "{\"op\": \"models.versions.save\", \"name\": \"m0\", \"versions\": {\"revision\": 2}}"));
        assertTrue(again.path("ok").asBoolean(), "an existing name can still change: " + again);
    }

    private Path course() throws Exception {
        Path course = dir.resolve("course");
        if (!Files.exists(course)) {
            Files.createDirectories(course.resolve("lessons"));
            Files.writeString(course.resolve("lessons/01-one.md"), "---\ntitle: One\nsummary: S\n---\nText\n");
            Files.writeString(course.resolve("lessons/02-two.md"), "---\ntitle: Two\nsummary: S\n---\nText\n");
        }
        return course;
    }
}
