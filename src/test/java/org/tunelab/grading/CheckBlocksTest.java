package org.tunelab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunelab.course.Course;
import org.tunelab.course.CourseLoader;
import org.tunelab.course.Exercise;

/** Which checks run as one block: only those whose meaning a block keeps. */
class CheckBlocksTest {
    private static void block(String check) {
        assertEquals("{\n" + check + "\n}", CheckBlocks.asBlock(check), check);
    }

    private static void asWritten(String check) {
        assertEquals(check, CheckBlocks.asBlock(check), check);
    }

    @Test
    void statementsThatDeclareNothingRunAsOneBlock() {
        block("assertEquals(0, wordCount(\"\"), \"empty\");\nassertEquals(0, wordCount(\"   \"), \"blank\");");
        block("// comment last\nassertTrue(ok());\n// and after");
        block("for (int i = 0; i < 3; i++) {\n  int twice = i * 2;\n  assertEquals(twice, f(i));\n}");
        block("assertThrows(IllegalArgumentException.class, () -> { return parse(\"x\"); });");
        block("assertTrue(List.of(1).stream().anyMatch(new java.util.function.Predicate<Integer>() {"
                + " public boolean test(Integer i) { return i > 0; } }));");
    }

    @Test
    void aDeclarationNeededElsewhereKeepsTheCheckAsWritten() {
        CheckBlocks blocks = new CheckBlocks();
        String declares = "var result = solve();\nassertEquals(3, result.size());";
        List<String> alone = List.of(declares, "assertTrue(other());");
        String student = "List<Integer> solve() { return List.of(1, 2, 3); }";
        assertEquals("{\n" + declares + "\n}", blocks.source(alone, 0, student));
        assertTrue(blocks.declares(declares));
        // one by one, a later check sees `result`; in a block it would not
        assertEquals(declares, blocks.source(List.of(declares, "assertFalse(result.isEmpty());"), 0, student));
        // one by one, it replaces the student's own `result`, or completes their method that uses it
        assertEquals(declares, blocks.source(alone, 0, student + "\nint size() { return result.size(); }"));
        // one by one, it completes an earlier check's method that uses it
        assertEquals(declares, blocks.source(List.of("int twice() { return 2 * result.size(); }", declares), 1, student));
        assertFalse(blocks.declares("assertTrue(other());"));
        asWritten("record Pair(int a, int b) {}\nassertEquals(1, new Pair(1, 2).a());");
        asWritten("class Helper {}\nassertTrue(true);");
    }

    @Test
    void whatOnlyJShellAcceptsIsKeptAsWritten() {
        asWritten("points.size()"); // a bare expression: a value in JShell, not a statement in a block
        asWritten("assertEquals(1, f())"); // JShell forgives the last semicolon
        asWritten("import java.time.*;\nassertTrue(true);");
        asWritten("int helper(int x) { return x; }\nassertEquals(2, helper(2));");
        asWritten("if (skip()) return;\nassertTrue(false);"); // a return would end a block early
        asWritten("assertTrue(a());\n}\n{\nassertTrue(b());"); // its own braces would not close the block
        asWritten("assertTrue(a());\n}\nvoid m() {");
    }

    @Test
    void theCourseChecksMostlyRunAsBlocks() {
        Course course = new CourseLoader(Path.of(".")).load();
        CheckBlocks blocks = new CheckBlocks();
        long checks = 0;
        long asBlocks = 0;
        for (Exercise exercise : course.exercises()) {
            List<String> codes = exercise.checks().stream().map(Exercise.Check::code).toList();
            for (int i = 0; i < codes.size(); i++) {
                checks++;
                if (!blocks.source(codes, i, exercise.setup() + "\n" + exercise.solution()).equals(codes.get(i))) {
                    asBlocks++;
                }
            }
        }
        Exercise countWords = course.exercise("count-words").orElseThrow();
        for (Exercise.Check check : countWords.checks()) {
            block(check.code());
        }
        System.out.println("CheckBlocksTest: " + asBlocks + " of the course's " + checks + " checks run as blocks");
        assertTrue(asBlocks * 2 > checks, asBlocks + " of " + checks);
    }
}
