package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs cells in one real child JVM, shared by the tests that leave it alive. */
class KernelTest {
    private static Kernel kernel;

    @BeforeAll
    static void startKernel() {
        kernel = Kernel.start(KernelConfig.defaults().withRunTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void closeKernel() {
        kernel.close();
    }

    @Test
    void aNewKernelWasPrimedAndStillDeclaresNothing() {
        try (Kernel fresh = Kernel.start(KernelConfig.defaults())) {
            assertTrue(fresh.declaredNames().isEmpty(), "the primer's value was dropped: " + fresh.declaredNames());
            assertTrue(fresh.variables().isEmpty(), fresh.variables().toString());
            RunResult first = fresh.run("\"first\".length()");
            assertEquals("5", first.value(), first.toString());
            assertEquals("", first.stdout(), "the primer printed nothing");
        }
    }

    @Test
    void expressionValuesAreShownButNotKeptAsVariables() {
        try (Kernel fresh = Kernel.start(KernelConfig.defaults())) {
            assertEquals(RunStatus.OK, fresh.run("List<Integer> kept = new ArrayList<>();").status());
            RunResult cell = fresh.run("""
                    kept.add(1);
                    kept.add(2);
                    kept.size()
                    """);
            assertEquals("2", cell.value(), cell.toString());
            for (int i = 0; i < 3; i++) {
                assertEquals("2", fresh.run("1 + 1").value());
            }
            assertEquals(RunStatus.ERROR, fresh.run("kept.get(5)").status(), "an expression that throws");
            assertEquals(Set.of("kept"), fresh.declaredNames(), "no $1, $2... piled up (each would be compiled "
                    + "into every later cell)");
            RunResult later = fresh.run("kept.get(1) * 10");
            assertEquals("20", later.value(), "declared state is kept: " + later);
        }
    }

    @Test
    void stateIsSharedAcrossRuns() {
        assertEquals(RunStatus.OK, kernel.run("int shared = 41;").status());
        RunResult result = kernel.run("shared + 1");
        assertEquals(RunStatus.OK, result.status(), result.toString());
        assertEquals("42", result.value());
    }

    @Test
    void manyStatementsAndDeclarationsInOneCell() {
        RunResult result = kernel.run("""
                int a = 2;
                int twice(int x) { return 2 * x; }
                record Point(int x, int y) {}
                var p = new Point(twice(a), 3);
                System.out.println("p=" + p);
                List<Integer> xs = new ArrayList<>(); xs.add(p.x()); xs.add(p.y());
                xs
                """);
        assertEquals(RunStatus.OK, result.status(), result.toString());
        assertEquals("p=Point[x=4, y=3]\n", result.stdout());
        assertEquals("[4, 3]", result.value());
    }

    @Test
    void valueOnlyForATrailingExpression() {
        assertNull(kernel.run("int notAnExpression = 5;").value());
        assertNull(kernel.run("System.out.println(\"hi\")").value());
        assertEquals("\"hi\"", kernel.run("\"hi\"").value());
    }

    @Test
    void compileErrorAtItsLineAndColumnInTheCell() {
        RunResult result = kernel.run("""
                int ok = 1;
                System.out.println("before");
                  String s = 42;
                System.out.println("after");
                """);
        assertEquals(RunStatus.ERROR, result.status(), result.toString());
        assertEquals("before\n", result.stdout(), "snippets before the error run, later ones do not");
        assertEquals(1, result.diagnostics().size(), result.toString());
        Diagnostic diagnostic = result.diagnostics().get(0);
        assertEquals(3, diagnostic.line(), diagnostic.toString());
        assertEquals(14, diagnostic.column(), diagnostic.toString());
        assertTrue(diagnostic.message().contains("incompatible types"), diagnostic.message());
    }

    @Test
    void runtimeExceptionTrimmedToTheStudentsCode() {
        RunResult result = kernel.run("""
                int divide(int a, int b) {
                    return a / b;
                }
                System.out.println("start");
                // a comment before the failing line
                divide(1, 0);
                System.out.println("never");
                """);
        assertEquals(RunStatus.ERROR, result.status(), result.toString());
        assertEquals("start\n", result.stdout());
        ExceptionInfo exception = result.exception();
        assertNotNull(exception, result.toString());
        assertEquals("java.lang.ArithmeticException", exception.type());
        assertEquals("/ by zero", exception.message());
        assertEquals(List.of("at divide (line 2)", "at line 6"), exception.trace());
    }

    @Test
    void infiniteLoopIsStoppedAndTheKernelKeepsItsState() {
        kernel.run("int keep = 7;");
        RunResult result = kernel.run("while (true) { }");
        assertEquals(RunStatus.TIMEOUT, result.status(), result.toString());
        assertTrue(result.message().startsWith("Stopped after 2 s"), result.message());
        assertTrue(result.elapsedMs() >= 2000 && result.elapsedMs() < 3500, "elapsed " + result.elapsedMs());
        RunResult next = kernel.run("keep");
        assertEquals("7", next.value(), next.toString());
        assertFalse(next.stateLost());
    }

    @Test
    void aStopRightAfterALongSnippetStartsStopsItWithoutLosingState() throws Exception {
        // A snippet that takes javac a few seconds (longer than the second a snippet's code gets to honour a stop),
        // then loops, stopped while it compiles. JShell's stop reaches only code that runs, so Kernel asks again every 100 ms
        // until the loop runs and stops; the compile is not the code ignoring the stop, so nothing is killed (it was,
        // when the grace counted from the stop: the kernel's state lost).
        StringBuilder slow = new StringBuilder("{ long s = 0;\n");
        for (int i = 0; i < 5_000; i++) {
            slow.append("s += ").append(i).append(" * s + Long.hashCode(s ^ ").append(i).append(");\n");
        }
        slow.append("while (true) { s++; } }");
        try (Kernel patient = Kernel.start(KernelConfig.defaults().withRunTimeout(Duration.ofSeconds(30)))) {
            patient.run("int keep = 7;");
            java.util.concurrent.CompletableFuture<RunResult> run =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> patient.run(slow.toString()));
            Thread.sleep(500); // the cell split (about 0.1 s), its compile under way (1-3 s)
            patient.stop();
            RunResult stopped = run.get(25, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(RunStatus.ERROR, stopped.status(), stopped.toString());
            assertEquals("Stopped on request.", stopped.message(), "stopped, not killed");
            RunResult next = patient.run("keep");
            assertFalse(next.stateLost(), "stopped, not killed: " + stopped);
            assertEquals("7", next.value(), next.toString());
        }
    }

    @Test
    void outputIsCappedAndMarkedTruncated() {
        try (Kernel small = Kernel.start(KernelConfig.defaults().withOutputCapBytes(1024).withStartupSnippets(List.of()))) {
            RunResult result = small.run("for (int i = 0; i < 100; i++) System.out.println(\"0123456789\".repeat(5));");
            assertEquals(RunStatus.OK, result.status(), result.toString());
            assertTrue(result.truncated());
            assertEquals(1024, result.stdout().length());
            assertTrue(result.message().contains("cut at 1 KiB"), result.message());

            RunResult flood = small.run("while (true) System.out.println(\"flood\");");
            assertEquals(RunStatus.ERROR, flood.status(), flood.toString());
            assertTrue(flood.message().startsWith("Stopped: the cell printed more than 16 KiB"), flood.message());
            assertTrue(flood.elapsedMs() < 5000, "a flood is stopped before the time limit: " + flood.elapsedMs());
        }
    }

    @Test
    void outputIsStreamedToTheListener() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        RunResult result = kernel.run("System.out.print(\"a\"); System.err.print(\"b\");",
                (stream, text) -> seen.add(stream + ":" + text));
        assertEquals(RunStatus.OK, result.status(), result.toString());
        assertEquals(List.of("stdout:a", "stderr:b"), seen);
        assertEquals("b", result.stderr());
    }

    @Test
    void redefinitionsAreSaidInWords() {
        assertEquals(RunStatus.OK, kernel.run("int price(int n) { return n * 2; }\nint total = price(21);").status());
        RunResult redefined = kernel.run("int price(int n) { return n * 3; }");
        assertEquals(List.of("`price(...)` was redefined: the new definition replaces the earlier one."), redefined.notes());
        assertEquals(List.of(), kernel.run("int price(int n) { return n * 3; }").notes(), "running the same cell again is quiet");
        assertEquals(List.of(), kernel.run("int total = 7;").notes(), "declaring a variable again is quiet");
        assertEquals(RunStatus.OK, kernel.run("record Item(int n) {}\nItem item = new Item(4);").status());
        RunResult changed = kernel.run("record Item(int n, String s) {}");
        assertTrue(String.join(" ", changed.notes()).contains("`item` can no longer be used because type `Item`, which it"
                + " depends on, changed in this cell"), changed.notes().toString());
        kernel.run("class Box {}\nBox box = new Box();");
        RunResult reset = kernel.run("class Box { int size; }");
        assertTrue(reset.notes().get(0).startsWith("`box` was reset to its default value (null, 0 or false) because"
                + " type `Box`"), reset.notes().toString());
        assertEquals("null", kernel.run("box").value(), "JShell really reset it");
        RunResult waiting = kernel.run("int score() { return grade() + 1; }");
        assertEquals(RunStatus.OK, waiting.status());
        assertTrue(waiting.notes().get(0).startsWith("score is defined, but cannot be used until method grade()"),
                waiting.notes().toString());
        assertEquals("6", kernel.run("int grade() { return 5; }\nscore()").value(), "it works once grade is defined");
        kernel.run("List<Integer> few = List.of(1, 2);\njava.util.List<Integer> nums = java.util.List.of(1, 2);");
        RunResult imported = kernel.run("import java.awt.*;\ntotal");
        assertEquals("7", imported.value(), "an import keeps declarations it does not touch: " + imported);
        assertTrue(imported.notes().stream().noneMatch(n -> n.contains("`nums`")), "nums names its type in full");
        assertTrue(imported.notes().stream().anyMatch(n -> n.startsWith("`few` can no longer be used: import java.awt.*;")),
                "an import that makes List ambiguous is reported: " + imported.notes());
    }

    @Test
    void eachRunSaysTheKernelsHeapAgainstItsLimit() {
        RunResult before = kernel.run("1 + 1");
        assertTrue(before.heapMaxMb() > 100 && before.heapMaxMb() <= 128,
                "the default -Xmx128m, less a survivor space: " + before.heapMaxMb());
        assertTrue(before.heapUsedMb() >= 0 && before.heapUsedMb() < 128, before.toString());
        RunResult holding = kernel.run("byte[] ballast = new byte[48 * 1024 * 1024];");
        assertTrue(holding.heapUsedMb() >= before.heapUsedMb() + 40, "48 MB held: " + before.heapUsedMb()
                + " MB before, " + holding.heapUsedMb() + " MB after");
        kernel.run("ballast = null;");
    }
}
