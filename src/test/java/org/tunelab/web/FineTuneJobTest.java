package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;

/** Fine-tuning jobs from cells, through real kernels and the server's slots and model files. */
class FineTuneJobTest {
    private static final String DATA = "Dataset.Split d = Datasets.supportTickets(120, 1).split(0.2, 1);\n";

    @TempDir
    Path dir;

    @Test
    void aJobTrainsIsSavedAndOutlivesTheServer() throws Exception {
        Config config = config();
        String id;
        String cookie;
        try (Server server = Server.start(config)) {
            TestClient ann = new TestClient(server.port());
            JsonNode started = ann.run("one", DATA
                    + "Job job = FineTune.of(Models.tiny()).data(d.train()).validation(d.validation()).epochs(2).start();\n"
                    + "job.id()");
            assertEquals("ok", started.get("status").asText(), started.toString());
            id = started.get("value").asText().replace("\"", "");
            cookie = ann.cookie();
            JsonNode done = ann.run("one", "TunedModel tuned = job.await();\njob.status()");
            assertEquals("ok", done.get("status").asText(), done.toString());
            assertEquals("SUCCEEDED", done.get("value").asText());
            JsonNode displays = done.get("displays");
            assertEquals("progress", displays.get(0).get("kind").asText(), displays.toString());
            assertEquals(1.0, displays.get(0).get("value").asDouble());
            JsonNode chart = displays.get(1);
            assertEquals("chart", chart.get("kind").asText());
            JsonNode training = chart.get("series").get(0).get("values");
            assertEquals(24, training.size(), "2 epochs of 96 examples in batches of 8");
            assertTrue(training.get(23).asDouble() < training.get(0).asDouble(), "the loss falls: " + training);
            assertEquals("validation", chart.get("series").get(1).get("name").asText());

            JsonNode listed = ann.run("two", "Models.tuned().rows().size()");
            assertEquals("1", listed.get("value").asText(), listed.toString());
        }
        try (Server restarted = Server.start(config)) {
            TestClient ann = new TestClient(restarted.port(), cookie);
            ann.get("/lessons/two"); // a browser opens the page first, which sets its CSRF token
            JsonNode loaded = ann.run("two", "Models.load(\"" + id + "\").info().method()");
            assertEquals("\"lora\"", loaded.get("value").asText(), loaded.toString());
            JsonNode other = new TestClient(restarted.port()).run("two", "Models.load(\"" + id + "\")");
            assertEquals("error", other.get("status").asText());
            assertTrue(other.get("exception").get("message").asText().contains("You have no fine-tuned model"),
                    "models are per student: " + other);
            assertEquals("ok", ann.run("two", "Models.delete(\"" + id + "\")").get("status").asText());
            assertEquals("0", ann.run("two", "Models.tuned().rows().size()").get("value").asText());
        }
    }

    @Test
    void aSecondJobQueuesBehindTheBusySlotAndCancellingIsQuick() throws Exception {
        try (Server server = Server.start(config())) {
            TestClient ann = new TestClient(server.port());
            TestClient bob = new TestClient(server.port());
            String big = "Dataset big = Datasets.supportTickets(400, 2);\n"
                    + "Job job = FineTune.of(Models.tiny()).data(big).epochs(20).start();\n"
                    + "while (job.status() == JobStatus.QUEUED) Thread.sleep(20);\njob.status()";
            assertEquals("RUNNING", ann.run("one", big).get("value").asText());
            JsonNode queued = bob.run("one", "Job job = FineTune.of(Models.tiny()).data(Datasets.sentiment(40, 3)).start();\n"
                    + "Thread.sleep(700);\njob.status() + \" \" + job.position()");
            assertEquals("\"QUEUED 1\"", queued.get("value").asText(), queued.toString());
            JsonNode cancel = ann.run("one", "long t = System.nanoTime();\njob.cancel();\n"
                    + "while (!job.status().done()) Thread.sleep(5);\n"
                    + "job.status() + \" \" + ((System.nanoTime() - t) / 1_000_000 < 1000)");
            assertEquals("\"CANCELLED true\"", cancel.get("value").asText(), cancel.toString());
            JsonNode after = bob.run("one", "job.await().id().equals(job.id())");
            assertEquals("true", after.get("value").asText(), "the queued job ran once the slot was free: " + after);
        }
    }

    /** The course's default cell limit (30 s): these tests are about behaviour, and a busy CI machine trains slowly. */
    private Config config() throws Exception {
        return Config.forTest(course(), dir.resolve("data")).withRunTimeout(java.time.Duration.ofSeconds(30));
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
