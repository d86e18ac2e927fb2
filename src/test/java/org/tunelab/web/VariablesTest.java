package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;

/** The variables panel's API matches what the kernel holds. */
class VariablesTest {
    @TempDir
    Path dir;

    @Test
    void variablesListTheKernelsStateWithSafeValuesOnly() throws Exception {
        Path course = Files.createDirectories(dir.resolve("course/lessons"));
        Files.writeString(course.resolve("01-lab.md"), "---\ntitle: Lab\nsummary: S\n---\nText\n");
        try (Server server = Server.start(Config.forTest(dir.resolve("course"), dir.resolve("data")))) {
            TestClient student = new TestClient(server.port());
            assertEquals(0, student.json(student.get("/api/lessons/lab/variables")).get("variables").size(),
                    "no kernel yet, no variables");
            student.run("lab", """
                    int count = 4;
                    String word = "hi";
                    class Counted { static int calls; public String toString() { calls++; return "c"; } }
                    Counted counted = new Counted();
                    count = 5;
                    """);
            String callsBefore = student.run("lab", "Counted.calls").get("value").asText();
            JsonNode vars = student.json(student.get("/api/lessons/lab/variables")).get("variables");
            assertEquals(3, vars.size(), vars.toString());
            assertEquals("count", vars.get(0).get("name").asText());
            assertEquals("int", vars.get(0).get("type").asText());
            assertEquals("5", vars.get(0).get("value").asText(), "the value now, not the first one");
            assertEquals("\"hi\"", vars.get(1).get("value").asText());
            assertEquals("Counted", vars.get(2).get("type").asText());
            assertEquals(true, vars.get(2).get("value").isNull(), "no text for a student's type");
            assertEquals(callsBefore, student.run("lab", "Counted.calls").get("value").asText(),
                    "listing variables never calls a student's toString");
        }
    }
}
