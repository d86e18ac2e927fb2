package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Issue 7, fair sharing: runs at once, the queue, runs per minute and kernels per student, with real kernels. */
class FairnessTest {
    private static final KernelConfig CONFIG = KernelConfig.defaults()
            .withRunTimeout(Duration.ofSeconds(5))
            .withPoolSize(1)
            .withStartupSnippets(List.of());

    @Test
    void runsBeyondTheServersSlotsWaitInTheQueueAndAreToldTheirPlace() throws Exception {
        try (Kernels kernels = new Kernels(CONFIG, new Fairness(1, Duration.ofMinutes(1), 4, 100))) {
            kernels.run("ada/lesson/a", "1");
            kernels.run("bob/lesson/a", "1");
            List<Integer> places = new CopyOnWriteArrayList<>();
            CompletableFuture<RunResult> ada = CompletableFuture.supplyAsync(
                    () -> kernels.run("ada/lesson/a", "Thread.sleep(1500); \"ada\"", null, places::add));
            Thread.sleep(300);
            long started = System.nanoTime();
            RunResult bob = kernels.run("bob/lesson/a", "\"bob\"", null, places::add);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals("\"bob\"", bob.value(), bob.toString());
            assertEquals("\"ada\"", ada.get().value());
            assertTrue(millis >= 1000, "bob waited for ada's slot: " + millis + " ms");
            assertEquals(List.of(1), places, "bob was told he is next; ada never waited");
            assertTrue(bob.message().contains("for a free run slot (the server runs 1 cells at once)"), bob.message());
        }
    }

    @Test
    void aQuickRunPassesARunOfACellKnownToBeLongThatCameJustBeforeIt() throws Exception {
        String slow = "Thread.sleep(800); \"slow\"";
        try (Kernels kernels = new Kernels(CONFIG, new Fairness(1, Duration.ofMinutes(1), 4, 100))) {
            kernels.run("ada/lesson/a", slow); // the server now knows this cell takes 800 ms
            kernels.run("bob/lesson/a", "1");
            kernels.run("cy/lesson/a", "1");
            List<String> finished = new CopyOnWriteArrayList<>();
            CompletableFuture<RunResult> ada = CompletableFuture.supplyAsync(() -> kernels.run("ada/lesson/a", slow));
            Thread.sleep(200);
            CompletableFuture<RunResult> bob = CompletableFuture.supplyAsync(() -> {
                RunResult result = kernels.run("bob/lesson/a", slow);
                finished.add("bob");
                return result;
            });
            Thread.sleep(200);
            assertEquals(1, kernels.queued(), "bob waits for ada's slot");
            RunResult cy = kernels.run("cy/lesson/a", "\"cy\"");
            finished.add("cy");
            assertEquals("\"cy\"", cy.value(), cy.toString());
            assertEquals("\"slow\"", bob.get().value());
            assertEquals("\"slow\"", ada.get().value());
            assertEquals(List.of("cy", "bob"), finished, "cy came 200 ms after bob, but bob's cell takes 800");
        }
    }

    @Test
    void aRunThatWaitsTooLongIsTurnedAwayWithAMessage() throws Exception {
        try (Kernels kernels = new Kernels(CONFIG, new Fairness(1, Duration.ofMillis(300), 4, 100))) {
            kernels.run("ada/lesson/a", "1");
            kernels.run("bob/lesson/a", "1");
            CompletableFuture<RunResult> ada = CompletableFuture.supplyAsync(
                    () -> kernels.run("ada/lesson/a", "Thread.sleep(1500);"));
            Thread.sleep(300);
            RunResult bob = kernels.run("bob/lesson/a", "1");
            assertEquals(RunStatus.ERROR, bob.status(), bob.toString());
            assertTrue(bob.message().startsWith("The server is busy"), bob.message());
            assertEquals(RunStatus.OK, ada.get().status());
            assertEquals(0, kernels.queued());
            assertEquals("1", kernels.run("bob/lesson/a", "1").value(), "the slot is free again");
        }
    }

    @Test
    void runsPerMinuteAreLimitedPerStudent() {
        try (Kernels kernels = new Kernels(CONFIG, new Fairness(2, Duration.ofMinutes(1), 4, 3))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(RunStatus.OK, kernels.run("ada/lesson/a", "1").status());
            }
            RunResult refused = kernels.run("ada/lesson/b", "1");
            assertEquals(RunStatus.ERROR, refused.status(), refused.toString());
            assertTrue(refused.message().matches("Too many runs: at most 3 a minute per student\\. Try again in \\d+ s\\."),
                    refused.message());
            assertEquals(RunStatus.OK, kernels.run("bob/lesson/a", "1").status(), "another student is not limited");
        }
    }

    @Test
    void aStudentsLeastRecentlyUsedKernelMakesRoom() {
        try (Kernels kernels = new Kernels(CONFIG, new Fairness(2, Duration.ofMinutes(1), 2, 100))) {
            kernels.run("ada/lesson/a", "int a = 1;");
            kernels.run("ada/lesson/b", "int b = 2;");
            kernels.run("bob/lesson/a", "int a = 3;");
            RunResult third = kernels.run("ada/lesson/c", "3");
            assertEquals("3", third.value());
            assertTrue(third.message().contains("Your kernel for lesson a was closed to make room (at most 2 kernels"
                    + " per student)"), third.message());
            assertEquals(3, kernels.size(), "ada holds 2, bob 1");
            assertEquals("2", kernels.run("ada/lesson/b", "b").value(), "the more recent kernel kept its state");
            assertEquals("3", kernels.run("bob/lesson/a", "a").value(), "another student's kernel was not touched");
            RunResult back = kernels.run("ada/lesson/a", "1");
            assertTrue(back.stateLost(), back.toString());
            assertTrue(back.message().contains("it was closed to make room for another"), back.message());
        }
    }
}
