package org.tunelab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;
import org.tunelab.course.Cell.Mode;
import org.tunelab.course.CourseLoader;
import org.tunelab.course.LessonDraft;
import org.tunelab.course.LessonDraft.Part;
import org.tunelab.course.Problem;
import org.tunelab.kernel.KernelConfig;
import org.tunelab.kernel.KernelPool;
import org.tunelab.web.Server;

/** The validator catches each kind of problem, with file and line; and passes the real course. */
class ValidatorTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void exercise(String slug, String md, String starter, String solution, String checks) throws Exception {
        write("exercises/" + slug + "/exercise.md", md);
        write("exercises/" + slug + "/Starter.jsh", starter);
        write("exercises/" + slug + "/Solution.jsh", solution);
        write("exercises/" + slug + "/Check.jsh", checks);
    }

    private static List<Problem> validate(Path courseDir) throws java.io.IOException {
        // As the validate command starts kernels: the play API imported, the Vector API for Tiny, the server's
        // gateway (fine-tuning slots, models) and the limits students get, since the real course runs Tiny.
        Config defaults = Config.from(new String[0], java.util.Map.of());
        Config settings = Config.forTest(courseDir, Files.createTempDirectory("validator-data"));
        KernelConfig config = settings.kernelConfig().withPoolSize(1).withGateway(Server.gateway(settings))
                .withRunTimeout(defaults.runTimeout());
        try (KernelPool pool = new KernelPool(config); Grader grader = new Grader(config, defaults.checkTimeout())) {
            return new Validator(pool, grader).validate(new CourseLoader(courseDir).load(), line -> { });
        }
    }

    private static Problem find(List<Problem> problems, String fileEnd, String fragment) {
        return problems.stream()
                .filter(p -> p.file().toString().replace('\\', '/').endsWith(fileEnd) && p.reason().contains(fragment))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem in " + fileEnd + " about '" + fragment + "' among " + problems));
    }

    @Test
    void aNotebookExportedFromThePlaygroundValidatesAsALesson() throws Exception {
        // what PlaygroundApi.export writes for a notebook a student built: prose, cells sharing state, an expected error
        LessonDraft draft = new LessonDraft("Drafted: in the browser", "", List.of(
                Part.markdown("## Doubling\n\nA cell, then its value."),
                Part.java("int doubled = 21 * 2;", Mode.RUN),
                Part.java("doubled", Mode.RUN),
                Part.java("int broken = \"text\";", Mode.EXPECT_ERROR),
                Part.java("Models.tiny().name()", Mode.RUN)));
        write("lessons/12-drafted-in-the-browser.md", draft.toMarkdown());
        assertEquals(List.of(), validate(root));
        write("lessons/12-drafted-in-the-browser.md", draft.toMarkdown().replace("doubled\n", "tripled\n"));
        find(validate(root), "12-drafted-in-the-browser.md", "tripled");
    }

    @Test
    void catchesEveryKindOfProblem() throws Exception {
        write("lessons/01-good.md", """
                ---
                title: Good
                summary: S
                ---
                ```java
                int a = 1;
                ```

                ```java
                int b = a +
                    undefinedThing;
                ```

                ```java expect-error
                int c = 2;
                ```

                {{exercise: nowhere}}
                """);
        write("lessons/02-bad.md", "---\ntitle: Bad\n---\n");
        String md = "---\ntitle: T\nlesson: good\nhints:\n  - h\n---\nTask\n";
        String checks = "// check: doubles\nassertEquals(4, twice(2));\n";
        exercise("wrong-solution", md, "int twice(int n) { return 0; }", "int twice(int n) { return n + 1; }", checks);
        exercise("easy-starter", md, "int twice(int n) { return n * 2; }", "int twice(int n) { return n * 2; }", checks);
        exercise("no-hints", "---\ntitle: T\nlesson: good\n---\nTask\n", "int twice(int n) { return 0; }",
                "int twice(int n) { return 2 * n; }", checks);
        exercise("lost", "---\ntitle: T\nlesson: gone\nhints: h\n---\nTask\n", "int twice(int n) { return 0; }",
                "int twice(int n) { return 2 * n; }", checks);

        List<Problem> problems = validate(root);

        assertTrue(find(problems, "lessons/02-bad.md", "'summary' missing").line() >= 1);
        assertEquals(11, find(problems, "lessons/01-good.md", "cell-2 fails").line(), "fence line 9 + cell line 2");
        assertEquals(14, find(problems, "lessons/01-good.md", "expect-error but ran").line());
        assertEquals(18, find(problems, "lessons/01-good.md", "no exercise 'nowhere'").line());
        assertEquals(1, find(problems, "wrong-solution/Check.jsh", "reference solution fails check 'doubles'").line());
        find(problems, "easy-starter/Starter.jsh", "already passes");
        find(problems, "no-hints/exercise.md", "no hints");
        find(problems, "lost/exercise.md", "lesson 'gone' does not exist");
        assertEquals(8, problems.size(), () -> "exactly the planted problems: " + problems);
    }

    @Test
    void aClaimThatStopsHoldingNamesTheLessonLineAndWhatWasMeasured() throws Exception {
        write("lessons/01-claims.md", """
                ---
                title: Claims
                summary: S
                ---
                ```java
                double accuracy = 0.7375;
                ```

                ```claim
                accuracy > 0.5 && accuracy < 0.8   // between a half and 0.8
                ```

                ```java
                accuracy = 0.9;
                ```

                ```claim
                accuracy > 0.5 && accuracy < 0.8   // the same words, after a cell changed it
                Math.round(accuracy * 10)           // not a boolean
                missing > 1
                ```
                """);
        List<Problem> problems = validate(root);
        Problem changed = find(problems, "01-claims.md", "claim does not hold");
        assertEquals(18, changed.line());
        assertTrue(changed.reason().contains("`accuracy < 0.8`") && changed.reason().contains("accuracy = 0.9")
                && changed.reason().contains("the same words"), changed.reason());
        assertEquals(19, find(problems, "01-claims.md", "is 9").line(), "a claim must be a boolean");
        assertEquals(20, find(problems, "01-claims.md", "could not be evaluated: `missing > 1`").line());
        assertEquals(3, problems.size(), () -> "the claim above the change holds: " + problems);
    }

    @Test
    void theRepositoryCourseIsValid() throws Exception {
        List<Problem> problems = validate(Path.of("."));
        assertTrue(problems.isEmpty(), () -> "lessons/ and exercises/ must validate: " + problems);
    }
}
