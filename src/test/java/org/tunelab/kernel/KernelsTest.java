package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The registry and the pool, with real child JVMs. */
class KernelsTest {
    private static final KernelConfig CONFIG = KernelConfig.defaults()
            .withRunTimeout(Duration.ofSeconds(5))
            .withPoolSize(1)
            .withStartupSnippets(List.of("import java.util.*;"));

    @Test
    void poolHandsOutAStartedKernel() throws Exception {
        try (KernelPool pool = new KernelPool(CONFIG)) {
            waitUntil(() -> pool.ready() == 1, "the pool pre-starts one kernel");
            try (Kernel kernel = pool.take()) {
                assertTrue(kernel.isAlive());
                RunResult result = kernel.run("new ArrayList<>(List.of(1)).size()");
                assertEquals("1", result.value(), "start-up imports were evaluated: " + result);
            }
            waitUntil(() -> pool.ready() == 1, "the pool refills in the background");
        }
    }

    @Test
    void aStudentWhoOpensALessonFindsAKernelStartedWhileTheyRead() throws Exception {
        try (Kernels kernels = new Kernels(CONFIG)) {
            waitUntil(() -> kernels.ready() == 1, "the pool pre-starts one kernel");
            assertTrue(kernels.expect("ada/lesson/one"));
            assertFalse(kernels.expect("ada/lesson/two"), "one kernel ahead per student, whatever she opens");
            assertEquals(1, kernels.expected());
            waitUntil(() -> kernels.ready() == 2, "one more started ahead of her first run");

            assertEquals("2", kernels.run("ada/lesson/one", "1 + 1").value());
            assertEquals(0, kernels.expected(), "she arrived");
            Thread.sleep(2000);
            assertEquals(1, kernels.ready(), "the kernel started for her is not replaced");
            assertFalse(kernels.expect("ada/lesson/one"), "her lesson has its kernel");
        }
    }

    @Test
    void keysAreIsolatedAndRunConcurrently() throws Exception {
        try (Kernels kernels = new Kernels(CONFIG)) {
            kernels.run("ada/lesson-1", "String who = \"ada\";");
            kernels.run("bob/lesson-1", "String who = \"bob\";");
            assertEquals("\"ada\"", kernels.run("ada/lesson-1", "who").value());
            assertEquals("\"bob\"", kernels.run("bob/lesson-1", "who").value());
            RunResult missing = kernels.run("ada/lesson-2", "who");
            assertEquals(RunStatus.ERROR, missing.status(), "another lesson is another kernel: " + missing);
            assertEquals(3, kernels.size());

            long started = System.nanoTime();
            CompletableFuture<RunResult> ada = CompletableFuture.supplyAsync(() -> kernels.run("ada/lesson-1", "Thread.sleep(1000);"));
            CompletableFuture<RunResult> bob = CompletableFuture.supplyAsync(() -> kernels.run("bob/lesson-1", "Thread.sleep(1000);"));
            assertEquals(RunStatus.OK, ada.get().status());
            assertEquals(RunStatus.OK, bob.get().status());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 1900, "two keys sleep 1 s each at the same time, took " + millis + " ms");
        }
    }

    @Test
    void idleKernelsAreTrimmedOnceAfterEachRunAndKeepTheirState() {
        try (Kernels kernels = new Kernels(CONFIG, false)) {
            kernels.run("ada/lesson-1", "int answer = 41; String greet(String who) { return \"hi \" + who; }");
            assertEquals(1, kernels.runsEnded());
            assertTrue(kernels.quietFor().compareTo(Duration.ZERO) > 0, "no run in progress: quiet since the last");
            assertEquals(1, trimmed(kernels), "a kernel idle since its run is trimmed");
            assertEquals(0, kernels.trimIdle(Duration.ZERO), "and not again until it runs again");
            assertEquals(0, kernels.trimIdle(Duration.ofHours(1)), "nor before it has been idle long enough");

            RunResult after = kernels.run("ada/lesson-1", "answer + 1 + greet(\"bob\").length()");
            assertEquals("48", after.value(), "variables and methods survive the trim, and cells still compile: " + after);
            Completions completions = kernels.complete("ada/lesson-1", "gre", 3);
            assertTrue(completions.toString().contains("greet"), "completion still knows the kernel's names: " + completions);
            assertEquals(1, trimmed(kernels), "a run makes the kernel trimmable again");
        }
    }

    /** trimIdle(ZERO), again for up to a second while the idle CPU check (every second) holds the kernel's lock. */
    private static int trimmed(Kernels kernels) {
        long end = System.nanoTime() + 1_000_000_000L;
        int trimmed;
        while ((trimmed = kernels.trimIdle(Duration.ZERO)) == 0 && System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        return trimmed;
    }

    @Test
    void aKernelBusyOnPurposeBetweenCellsIsNotClosedAsASpinner() throws Exception {
        try (Kernels kernels = new Kernels(CONFIG)) {
            java.util.concurrent.atomic.AtomicBoolean training = new java.util.concurrent.atomic.AtomicBoolean(true);
            kernels.allowBusyWhileIdle(key -> key.equals("ada/lesson-1") && training.get());
            String spin = "Thread t = new Thread(() -> { long end = System.nanoTime() + 60_000_000_000L; "
                    + "while (System.nanoTime() < end) { } }); t.setDaemon(true); t.start();";
            kernels.run("ada/lesson-1", spin); // like a fine-tuning job started with start() and awaited later
            Thread.sleep(5000); // the idle CPU check closes a spinner after 3 busy seconds
            RunResult next = kernels.run("ada/lesson-1", "t.isAlive()");
            assertEquals("true", next.value(), "still the same kernel, its job still running: " + next);
            training.set(false); // the job released its slot, yet the kernel still spins: now it is closed
            waitUntil(() -> kernels.size() == 0, "closed as a spinner once it is no longer busy on purpose");
        }
    }

    @Test
    void runsOnOneKeyAreSerialised() throws Exception {
        try (Kernels kernels = new Kernels(CONFIG)) {
            kernels.run("k", "int counter = 0; void bump() { int c = counter; Thread.sleep(50); counter = c + 1; }"
                    .replace("Thread.sleep(50);", "try { Thread.sleep(50); } catch (InterruptedException e) { }"));
            List<CompletableFuture<RunResult>> runs = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> kernels.run("k", "bump();")))
                    .toList();
            for (CompletableFuture<RunResult> run : runs) {
                assertEquals(RunStatus.OK, run.get().status(), run.get().toString());
            }
            assertEquals("4", kernels.run("k", "counter").value());
        }
    }

    @Test
    void idleKernelsAreEvictedAndRestartIsFresh() throws Exception {
        // 3 s: starting the second kernel must not take the first past its idle time on a busy machine
        try (Kernels kernels = new Kernels(CONFIG.withIdleTimeout(Duration.ofSeconds(3)), false)) {
            kernels.run("idle", "int x = 1;");
            kernels.run("restarted", "int x = 2;");
            assertEquals(0, kernels.evictIdle(), "just used");
            kernels.restart("restarted");
            assertEquals(RunStatus.ERROR, kernels.run("restarted", "x").status(), "restart drops definitions");
            Thread.sleep(3200);
            assertEquals(2, kernels.evictIdle());
            assertEquals(0, kernels.size());
            RunResult again = kernels.run("idle", "x");
            assertEquals(RunStatus.ERROR, again.status(), "an evicted key starts over: " + again);
            assertEquals(1, kernels.size());
        }
    }

    @Test
    void idleKernelsAreEvictedOnASchedule() throws Exception {
        try (Kernels kernels = new Kernels(CONFIG.withIdleTimeout(Duration.ofMillis(300)))) {
            kernels.run("idle", "int x = 1;");
            assertEquals(1, kernels.size());
            waitUntil(() -> kernels.size() == 0, "the evictor closes the idle kernel");
        }
    }

    @Test
    void kernelThatCannotStartIsAResultNotAnException() {
        try (Kernels kernels = new Kernels(CONFIG.withPoolSize(0).withStartupSnippets(List.of("int broken = ;")))) {
            RunResult result = kernels.run("k", "1");
            assertEquals(RunStatus.ERROR, result.status());
            assertTrue(result.message().startsWith("Could not start a Java kernel: kernel: start-up snippet 1"),
                    result.message());
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }
}
