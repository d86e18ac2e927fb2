package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tunelab.Config;

/** Completion and documentation from a real kernel with the course's imports (the play API). */
class CompletionTest {
    private static Kernel kernel;

    @BeforeAll
    static void startKernel() {
        kernel = Kernel.start(KernelConfig.defaults().withRunTimeout(Duration.ofSeconds(10))
                .withStartupSnippets(Config.KERNEL_IMPORTS));
        assertEquals(RunStatus.OK, kernel.run("var reviews = List.of(\"great\", \"awful\");").status());
    }

    @AfterAll
    static void closeKernel() {
        kernel.close();
    }

    @Test
    void variableFromAnEarlierCell() {
        String cell = "int n = 2;\nreviews.";
        Completions c = kernel.complete(cell, cell.length());
        assertFalse(c.busy());
        assertEquals(cell.length(), c.anchor());
        assertTrue(c.suggestions().contains("size()"), c.toString());
    }

    @Test
    void partOfANameIsReplacedFromItsStart() {
        String cell = "reviews.si";
        Completions c = kernel.complete(cell, cell.length());
        assertEquals(8, c.anchor());
        assertEquals(java.util.List.of("size()"), c.suggestions());
    }

    @Test
    void playTypes() {
        Completions c = kernel.complete("Models.", 7);
        assertTrue(c.suggestions().contains("tiny()"), c.toString());
    }

    @Test
    void overloadsGiveOneSuggestion() {
        // List has add(E) and add(int, E); String has nine valueOf overloads
        Completions list = kernel.complete("reviews.", 8);
        assertEquals(1, list.suggestions().stream().filter("add("::equals).count(), list.toString());
        Completions string = kernel.complete("String.valueO", 13);
        assertEquals(java.util.List.of("valueOf("), string.suggestions());
    }

    @Test
    void earlierStatementsOfTheCellCountAndItsDeclarationsDoNotGetInTheWay() {
        String cell = "int twice(int x) { return 2 * x; }\nimport java.time.*;\nString word = \"hi\";\nword.";
        Completions c = kernel.complete(cell, cell.length());
        assertTrue(c.suggestions().contains("charAt("), c.toString());
    }

    @Test
    void cursorInTheMiddleOfTheCell() {
        String cell = "reviews.\nint later = 1;";
        Completions c = kernel.complete(cell, 8);
        assertTrue(c.suggestions().contains("isEmpty()"), c.toString());
    }

    @Test
    void documentationOfAPlayMethodIsItsJavadoc() {
        Documentation d = kernel.documentation("var m = Models.tiny(", 20);
        assertFalse(d.busy());
        assertEquals(1, d.entries().size(), d.toString());
        assertEquals("Model Models.tiny()", d.entries().get(0).signature());
        assertEquals("Tiny, the small transformer that ships with TuneLab (loaded once per kernel).",
                d.entries().get(0).javadoc());
    }

    @Test
    void documentationWithTheCursorInsideTheNameAndInlineTagsAsText() {
        String cell = "Prompt.of(\"Is it good?\")";
        Documentation d = kernel.documentation(cell, 8); // Prompt.o|f
        assertEquals("Prompt Prompt.of(String instruction)", d.entries().get(0).signature(), d.toString());
        assertEquals("A prompt that starts with an instruction, e.g. Prompt.of(\"Is this review positive or negative?\").",
                d.entries().get(0).javadoc());
    }

    @Test
    void overloadsOfAPlayMethodEachGetTheirOwnJavadoc() {
        Documentation d = kernel.documentation("Example.chat(", 13);
        assertEquals(2, d.entries().size(), d.toString());
        for (Documentation.Entry e : d.entries()) {
            String expected = e.signature().contains("List<Message>")
                    ? "A chat example from a list of messages; see chat(Message...)."
                    : "A chat example from messages; it needs at least one assistant message (the answer to learn).";
            assertTrue(e.javadoc() != null && e.javadoc().startsWith(expected), d.toString());
        }
    }

    @Test
    void documentationJustAfterACall() {
        String cell = "var m = Models.tiny()";
        Documentation d = kernel.documentation(cell, cell.length());
        assertEquals("Model Models.tiny()", d.entries().get(0).signature(), d.toString());
    }

    @Test
    void jdkJavadocOnlyWhenTheJdkSourcesAreInstalled() {
        Path srcZip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
        Documentation d = kernel.documentation("Math.max(1, ", 9);
        assertTrue(d.entries().size() >= 4, d.toString()); // int, long, float, double
        assertTrue(d.entries().stream().anyMatch(e -> e.signature().equals("int Math.max(int a, int b)")), d.toString());
        assertEquals(Files.isReadable(srcZip), d.entries().get(0).javadoc() != null, d.toString());
    }

    @Test
    void aRunningCellMakesCompletionAnswerBusyAtOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        // One snippet that runs until stopped, so the run certainly holds the kernel while the test asks.
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> kernel.run(
                "{ System.out.println(\"started\"); while (true) { } }",
                (stream, text) -> started.countDown()));
        try {
            assertTrue(started.await(10, TimeUnit.SECONDS), "the cell did not start");
            Completions c = kernel.complete("reviews.", 8);
            assertTrue(c.busy(), c.toString());
            assertTrue(c.suggestions().isEmpty());
            assertTrue(kernel.documentation("Models.tiny(", 12).busy());
            assertFalse(run.isDone(), "the answer came while the run was still going");
        } finally {
            kernel.stop();
        }
        assertEquals("Stopped on request.", run.get(10, TimeUnit.SECONDS).message());
        Completions after = kernel.complete("reviews.", 8);
        assertFalse(after.busy());
        assertTrue(after.suggestions().contains("size()"), after.toString());
    }
}
