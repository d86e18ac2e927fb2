package org.tunelab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseParserTest {
    @TempDir
    Path root;

    private Path folder(String slug, String md, String checks) throws Exception {
        Path dir = Files.createDirectories(root.resolve("exercises").resolve(slug));
        Files.writeString(dir.resolve("exercise.md"), md);
        Files.writeString(dir.resolve("Starter.jsh"), "int f() { return 0; }\n");
        Files.writeString(dir.resolve("Solution.jsh"), "int f() { return 1; }\n");
        Files.writeString(dir.resolve("Check.jsh"), checks);
        return dir;
    }

    private static final String MD = "---\ntitle: F\nlesson: intro\nhints:\n  - one\n  - two\n---\nWrite f.\n";

    @Test
    void readsAllParts() throws Exception {
        Path dir = folder("f-returns-one", MD, """
                // comments before the first check are fine
                // check: returns one
                assertEquals(1, f());

                // hidden check: really one
                assertTrue(f() == 1,
                    "f() should be 1");
                """);
        Exercise e = ExerciseParser.parse(dir, Path.of("exercises/f-returns-one"));
        assertEquals("F", e.title());
        assertEquals("intro", e.lesson());
        assertEquals(List.of("one", "two"), e.hints());
        assertEquals("Write f.\n", e.task());
        assertEquals("", e.setup());
        assertEquals(2, e.checks().size());
        assertEquals(new Exercise.Check("returns one", false, "assertEquals(1, f());", 2), e.checks().get(0));
        Exercise.Check hidden = e.checks().get(1);
        assertTrue(hidden.hidden());
        assertEquals("really one", hidden.name());
        assertTrue(hidden.code().contains("\"f() should be 1\""));
    }

    @Test
    void codeBeforeFirstCheckIsAProblemWithItsLine() throws Exception {
        Path dir = folder("bad", MD, "// intro\nassertEquals(1, f());\n// check: x\nf();\n");
        Problem p = assertThrows(CourseException.class, () -> ExerciseParser.parse(dir, Path.of("exercises/bad"))).problem();
        assertEquals(Path.of("exercises/bad/Check.jsh"), p.file());
        assertEquals(2, p.line());
    }

    @Test
    void emptyCheckAndNoChecks() throws Exception {
        Path empty = folder("empty", MD, "// check: nothing here\n\n// check: second\nf();\n");
        assertTrue(assertThrows(CourseException.class, () -> ExerciseParser.parse(empty, Path.of("e")))
                .problem().reason().contains("has no code"));
        Path none = folder("none", MD, "// just a comment\n");
        assertTrue(assertThrows(CourseException.class, () -> ExerciseParser.parse(none, Path.of("e")))
                .problem().reason().contains("no checks"));
    }

    @Test
    void missingFileAndMissingLesson() throws Exception {
        Path dir = folder("nolesson", "---\ntitle: F\n---\n", "// check: a\nf();\n");
        Problem p = assertThrows(CourseException.class, () -> ExerciseParser.parse(dir, Path.of("exercises/nolesson"))).problem();
        assertTrue(p.reason().contains("'lesson' missing"), p.reason());
        Files.delete(dir.resolve("Solution.jsh"));
        Files.writeString(dir.resolve("exercise.md"), MD);
        Problem missing = assertThrows(CourseException.class, () -> ExerciseParser.parse(dir, Path.of("exercises/nolesson"))).problem();
        assertEquals(Path.of("exercises/nolesson/Solution.jsh"), missing.file());
    }

    @Test
    void loaderKeepsGoodExercisesBesideBrokenOnesAndFindsEmbeds() throws Exception {
        Files.createDirectories(root.resolve("lessons"));
        Files.writeString(root.resolve("lessons/01-intro.md"),
                "---\ntitle: I\nsummary: S\n---\nText\n\n{{exercise: good}}\n\nNot {{exercise: inline}} here.\n");
        folder("good", MD, "// check: a\nassertEquals(1, f());\n");
        folder("broken", "---\ntitle: B\n", "// check: a\nf();\n");
        Course course = new CourseLoader(root).load();
        assertEquals(List.of("good"), course.exercises().stream().map(Exercise::slug).toList());
        assertTrue(course.exerciseProblem("broken").isPresent());
        assertFalse(course.problem("broken").isPresent(), "exercise problems are not lesson problems");
        assertEquals(List.of(new Lesson.Embed("good", 7)), course.lesson("intro").orElseThrow().embeds());
        assertEquals(1, course.exercisesOf("intro").size());
    }
}
