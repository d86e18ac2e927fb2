package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs that end or must kill their child JVM; each test has its own kernel. */
class KernelDeathTest {
    private static final KernelConfig CONFIG = KernelConfig.defaults()
            .withRunTimeout(Duration.ofSeconds(2))
            .withStartupSnippets(List.of("import java.util.*;"));

    @Test
    void loopCatchingThrowableIsKilledAndTheNextRunWorks() {
        try (Kernel kernel = Kernel.start(CONFIG)) {
            kernel.run("int before = 1;");
            RunResult result = kernel.run("""
                    while (true) {
                        try { Thread.sleep(10); } catch (Throwable t) { }
                    }
                    """);
            assertEquals(RunStatus.TIMEOUT, result.status(), result.toString());
            assertTrue(result.message().contains("did not stop when asked"), result.message());
            assertTrue(result.elapsedMs() < 4500, "stop, then kill a second later: " + result.elapsedMs());
            assertFalse(kernel.isAlive());

            RunResult next = kernel.run("List.of(1, 2).size()");
            assertEquals(RunStatus.OK, next.status(), next.toString());
            assertEquals("2", next.value());
            assertTrue(next.stateLost());
            assertTrue(next.message().contains("previous run was killed"), next.message());
            assertEquals(RunStatus.ERROR, kernel.run("before").status(), "definitions from before the kill are gone");
        }
    }

    @Test
    void systemExitDiesAndTheNextRunStartsFresh() {
        try (Kernel kernel = Kernel.start(CONFIG)) {
            kernel.run("int before = 1;");
            RunResult result = kernel.run("System.out.println(\"bye\"); System.exit(3); System.out.println(\"never\");");
            assertEquals(RunStatus.DIED, result.status(), result.toString());
            assertEquals("bye\n", result.stdout());
            assertTrue(result.message().contains("exit code 3"), result.message());
            assertFalse(result.stateLost());

            RunResult next = kernel.run("1 + 1");
            assertEquals(RunStatus.OK, next.status(), next.toString());
            assertEquals("2", next.value());
            assertTrue(next.stateLost());
            assertTrue(next.message().contains("exit code 3"), next.message());
            assertFalse(kernel.run("1").stateLost(), "only the first run after a death says so");
        }
    }

    @Test
    void haltDies() {
        try (Kernel kernel = Kernel.start(CONFIG)) {
            RunResult result = kernel.run("Runtime.getRuntime().halt(0);");
            assertEquals(RunStatus.DIED, result.status(), result.toString());
            assertEquals(RunStatus.OK, kernel.run("1").status());
        }
    }

    @Test
    void stopFromAnotherThread() throws Exception {
        try (Kernel kernel = Kernel.start(CONFIG.withRunTimeout(Duration.ofSeconds(30)))) {
            kernel.run("int kept = 5;");
            CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(
                    () -> kernel.run("System.out.println(\"going\"); while (true) { }"));
            Thread.sleep(500);
            kernel.stop();
            RunResult result = running.get(5, TimeUnit.SECONDS);
            assertEquals(RunStatus.ERROR, result.status(), result.toString());
            assertEquals("Stopped on request.", result.message());
            assertEquals("going\n", result.stdout());
            assertEquals("5", kernel.run("kept").value(), "a plain loop stops without a kill, state stays");
        }
    }

    @Test
    void closeDuringARunEndsIt() throws Exception {
        Kernel kernel = Kernel.start(CONFIG.withRunTimeout(Duration.ofSeconds(30)));
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> kernel.run("while (true) { }"));
        Thread.sleep(500);
        kernel.close();
        RunResult result = running.get(5, TimeUnit.SECONDS);
        assertEquals(RunStatus.DIED, result.status(), result.toString());
        assertFalse(kernel.isAlive());
    }
}
