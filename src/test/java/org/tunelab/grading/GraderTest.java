package org.tunelab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tunelab.course.Exercise;
import org.tunelab.kernel.KernelConfig;
import org.tunelab.kernel.Warmup;

/**
 * Golden scenarios for the grader, each in a real kernel: a right answer passes; a wrong one, and
 * every trick a student might try, fails cleanly.
 */
class GraderTest {
    static Grader grader;

    static final Exercise SQUARE = new Exercise("square", "Square", "intro", List.of("multiply"), "Write square.",
            "int square(int n) { return 0; }", "int square(int n) { return n * n; }", "",
            List.of(new Exercise.Check("squares 3", false, "assertEquals(9, square(3), \"square(3)\");", 1),
                    new Exercise.Check("squares negatives", true, "assertEquals(16, square(-4));", 4)),
            Path.of("exercises/square"));

    @BeforeAll
    static void start() {
        grader = new Grader(KernelConfig.defaults().withPoolSize(1), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        grader.close();
    }

    @Test
    void theWarmUpOnACourseCompilesItsLessonCellsAndItsExercises() throws Exception {
        org.tunelab.course.Lesson lesson = new org.tunelab.course.Lesson("intro", 1, "Intro", "S", "", 1, List.of(
                new org.tunelab.course.Cell("c1", "int base = 41;", org.tunelab.course.Cell.Mode.RUN, 3),
                new org.tunelab.course.Cell("c2", "base + 1", org.tunelab.course.Cell.Mode.RUN, 7),
                new org.tunelab.course.Cell("c3", "never run", org.tunelab.course.Cell.Mode.DISPLAY, 11)),
                List.of(), List.of(), Path.of("lessons/01-intro.md"));
        org.tunelab.course.Course course = new org.tunelab.course.Course(List.of(lesson), List.of(SQUARE), List.of());
        // two lesson cells; the exercise's reference solution and its two checks (it has no setup); each round
        assertEquals(5 * Warmup.COURSE_ROUNDS, grader.warmUpOn(course).get(120, java.util.concurrent.TimeUnit.SECONDS));
    }

    private static Grade check(String code) {
        return grader.check(SQUARE, code);
    }

    private static void failsWithMessage(Grade g, String fragment) {
        assertFalse(g.passed(), g.toString());
        assertTrue(g.checks().stream().noneMatch(CheckResult::passed), "no check may pass: " + g);
        assertTrue(g.message() != null && g.message().contains(fragment), "message: " + g.message());
    }

    @Test
    void solutionPassesEveryCheck() {
        Grade g = check("int square(int n) { return n * n; }");
        assertTrue(g.passed(), g.toString());
        assertEquals(2, g.passedCount());
        assertEquals(List.of("squares 3", "squares negatives"), g.checks().stream().map(CheckResult::name).toList());
    }

    @Test
    void theWarmUpsChecksPassOnItsCell() {
        // the start-up warm-up runs these in grading kernels after Warmup.CELL: checks that fail would warm less
        List<Exercise.Check> checks = Grader.WARMUP_CHECKS.stream()
                .map(code -> new Exercise.Check(code, false, code, 1)).toList();
        Exercise warmUp = new Exercise("warm-up", "Warm-up", "intro", List.of(), "", "", "", "", checks,
                Path.of("exercises/warm-up"));
        Grade g = grader.check(warmUp, org.tunelab.kernel.Warmup.CELL);
        assertTrue(g.passed(), g.toString());
        assertEquals(Grader.WARMUP_CHECKS.size(), g.passedCount());
        assertFalse(grader.check(warmUp, org.tunelab.kernel.Warmup.CELL.replace("2 * i", "3 * i")).passed(),
                "the checks read the cell's values");
    }

    @Test
    void aStudentExpectedFindsAGradingKernelStartedForTheirCheck() throws Exception {
        try (Grader one = new Grader(KernelConfig.defaults().withPoolSize(1), Duration.ofSeconds(5), 1)) {
            assertTrue(one.expect("ada"));
            assertFalse(one.expect("ada"), "one per student");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (one.ready() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(2, one.ready(), "the grader's own kernel and ada's");
            List<Integer> told = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            assertTrue(one.check(SQUARE, "int square(int n) { return n * n; }", told::add, "ada").passed());
            assertEquals(List.of(), told, "no JVM started for it");
            Thread.sleep(2000);
            assertEquals(1, one.ready(), "hers is not replaced");
            assertTrue(one.expect("ada"), "expected again: she may check again");
        }
    }

    @Test
    void aWaitingCheckIsToldItsPlaceThenThatAJvmStartsForIt() throws Exception {
        try (Grader one = new Grader(KernelConfig.defaults().withPoolSize(1), Duration.ofSeconds(5), 1)) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (one.ready() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(50); // its one kernel, started in the background
            }
            assertEquals(1, one.ready());
            java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var slow = other.submit(() -> one.check(SQUARE, "int square(int n) { return n * n; }\nThread.sleep(1500);"));
                Thread.sleep(300);
                List<Integer> told = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
                Grade second = one.check(SQUARE, "int square(int n) { return n * n; }", told::add);
                assertTrue(slow.get().passed());
                assertTrue(second.passed(), second.toString());
                // one place: the second waited, next in line; the first took the grader's one kernel, whose
                // replacement waits while a check runs, so a JVM was started for the second
                assertEquals(List.of(1, 0), told);
            } finally {
                other.shutdownNow();
            }
        }
    }

    @Test
    void aChecksStatementsRunAsOneAndItsDeclarationsStayTheKernels() {
        Exercise twoStep = new Exercise("two-step", "Two steps", "intro", List.of(), "Write square.",
                "int square(int n) { return 0; }", "int square(int n) { return n * n; }", "",
                List.of(new Exercise.Check("first holds, the second fails", false,
                                "assertEquals(0, square(0), \"square(0)\");\nassertEquals(9, square(3), \"square(3)\");", 1),
                        new Exercise.Check("declares", false, "int nine = square(3);", 4),
                        new Exercise.Check("uses what the last check declared", false, "assertEquals(9, nine, \"nine\");", 6),
                        new Exercise.Check("a block would not compile", false,
                                "int k = 1;\nk = square(k);\nfinal int[] seen = {0};\nRunnable r = () -> seen[0] = k;\nr.run();\nassertEquals(1, seen[0]);", 7)),
                Path.of("exercises/two-step"));
        assertTrue(grader.check(twoStep, twoStep.solution()).passed());
        Grade wrong = grader.check(twoStep, "int square(int n) { return n; }");
        assertEquals(List.of(false, true, false, true), wrong.checks().stream().map(CheckResult::passed).toList(), wrong.toString());
        assertTrue(wrong.checks().get(0).message().contains("square(3)"), wrong.toString());
    }

    @Test
    void partlyRightPassesSome() {
        Grade g = check("int square(int n) { return n < 0 ? 0 : n * n; }");
        assertFalse(g.passed());
        assertTrue(g.checks().get(0).passed());
        assertFalse(g.checks().get(1).passed());
        assertTrue(g.checks().get(1).message().contains("expected: <16> but was: <0>"), g.checks().get(1).message());
    }

    @Test
    void wrongAnswerSaysExpectedAndActual() {
        Grade g = check("int square(int n) { return n + n; }");
        assertEquals("square(3) ==> expected: <9> but was: <6>", g.checks().get(0).message());
    }

    @Test
    void codeTooDeepToCompileIsRefusedWithAMessage() {
        failsWithMessage(check("int square(int n) { return " + "(".repeat(100_000) + "n * n" + ")".repeat(100_000) + "; }"),
                "nested too deeply");
        assertTrue(check("int square(int n) { return n * n; }").passed(), "the next check works");
    }

    @Test
    void compileErrorHasLineAndColumn() {
        Grade g = check("int square(int n) {\n    return n * ;\n}");
        assertFalse(g.passed());
        assertEquals(2, g.diagnostics().get(0).line());
        assertTrue(g.message().contains("does not compile"));
    }

    @Test
    void emptyCodeFailsEveryCheck() {
        Grade g = check("");
        assertFalse(g.passed());
        assertTrue(g.checks().get(0).message().contains("Does not compile"), g.checks().get(0).message());
    }

    @Test
    void printingPassDoesNotPass() {
        Grade g = check("int square(int n) { System.out.println(\"PASS\"); return 0; }\nSystem.out.println(\"All checks passed\");");
        assertFalse(g.passed());
        assertEquals(0, g.passedCount());
    }

    @Test
    void ownAssertEqualsIsRefused() {
        failsWithMessage(check("""
                int square(int n) { return 0; }
                void assertEquals(int expected, int actual, String message) { }
                void assertEquals(int expected, int actual) { }
                """), "assertEquals");
    }

    @Test
    void ownAssertionsClassIsRefused() {
        failsWithMessage(check("""
                class Assertions { static void assertEquals(Object a, Object b) { } }
                int square(int n) { return 0; }
                """), "Assertions");
    }

    @Test
    void endlessLoopIsStopped() {
        Grade g = check("int square(int n) { while (true) { } }");
        assertFalse(g.passed());
        assertTrue(g.checks().get(0).message().contains("longer than 2 s"), g.checks().get(0).message());
    }

    @Test
    void loopAtTopLevelIsStoppedBeforeChecks() {
        failsWithMessage(check("int square(int n) { return n * n; }\nwhile (true) { try { } catch (Throwable t) { } }"),
                "did not finish");
    }

    @Test
    void exitInsideACheckFailsTheRest() {
        Grade g = check("int square(int n) { System.exit(0); return n * n; }");
        assertFalse(g.passed());
        assertTrue(g.checks().get(0).message().contains("stopped the Java VM"), g.checks().get(0).message());
        assertTrue(g.checks().get(1).message().contains("Not run"), g.checks().get(1).message());
    }

    @Test
    void exitAtTopLevelFailsCleanly() {
        failsWithMessage(check("int square(int n) { return n * n; }\nSystem.exit(0);"), "stopped the Java VM");
    }

    @Test
    void staticInitialiserThatThrowsFailsTheCheck() {
        Grade g = check("""
                class Boom { static int v = Integer.parseInt("not a number"); }
                int square(int n) { return Boom.v * n * n; }
                """);
        assertFalse(g.passed());
        assertTrue(g.checks().get(0).message().contains("ExceptionInInitializerError"), g.checks().get(0).message());
    }

    @Test
    void exceptionBeforeChecksIsReported() {
        failsWithMessage(check("int square(int n) { return n * n; }\nthrow new IllegalStateException(\"nope\");"),
                "IllegalStateException: nope");
    }

    @Test
    void checksBeyondTheLimitWaitTheirTurn() throws Exception {
        String slowSolution = "int square(int n) { try { Thread.sleep(800); } catch (InterruptedException e) { } return n * n; }";
        try (Grader one = new Grader(KernelConfig.defaults().withPoolSize(1), Duration.ofSeconds(5), 1)) {
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> one.check(SQUARE, slowSolution));
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> one.check(SQUARE, slowSolution));
            Grade a = first.get();
            Grade b = second.get();
            assertTrue(a.passed() && b.passed(), a + " / " + b);
            // Each check calls square twice (3 and -4): 1.6 s each. One at a time, the later one waited for the other.
            long later = Math.max(a.elapsedMs(), b.elapsedMs());
            assertTrue(later >= 3200, "with one place, the second check waits for the first: " + later + " ms");
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Grader(KernelConfig.defaults(), Duration.ofSeconds(1), 0));
    }

    @Test
    void aKernelThatCannotStartIsAClearNotRunGradeNotACrash() {
        try (Grader broken = new Grader(KernelConfig.defaults().withPoolSize(1)
                .withExtraJvmArgs(List.of("-XX:+NoSuchOptionAnywhere")), Duration.ofSeconds(2))) {
            Grade g = broken.check(SQUARE, SQUARE.solution());
            assertFalse(g.passed());
            assertTrue(g.message().startsWith("The server could not start a Java VM to check your code"), g.message());
            assertTrue(g.checks().stream().allMatch(c -> c.message().equals("Not run.")), g.toString());
        }
    }
}
