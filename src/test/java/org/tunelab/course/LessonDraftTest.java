package org.tunelab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LessonDraftTest {

    static Stream<Path> courseLessons() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("lessons"))) {
            List<Path> lessons = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            assertFalse(lessons.isEmpty(), "no lessons/ found from " + Path.of("").toAbsolutePath());
            return lessons.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("courseLessons")
    void everyCourseLessonComesBackByteForByte(Path file) throws Exception {
        String text = Files.readString(file);
        LessonDraft draft = LessonDraft.parse(text);
        assertEquals(text, draft.toMarkdown());
        Lesson original = LessonParser.parse(file, text);
        assertEquals(original.cells().size(), draft.parts().stream().filter(p -> p.kind() == LessonDraft.Kind.JAVA).count());
    }

    @ParameterizedTest
    @MethodSource("courseLessons")
    void aLoadedLessonGivesTheSameDraftAsItsFile(Path file) throws Exception {
        Lesson lesson = LessonParser.parse(file, Files.readString(file));
        assertEquals(LessonDraft.parse(Files.readString(file)), LessonDraft.of(lesson));
    }

    @Test
    void splitsProseAndCellsKeepingModes() throws Exception {
        LessonDraft draft = LessonDraft.parse("""
                ---
                title: T
                summary: S
                ---

                Intro.

                ```java
                int x = 1;
                ```

                ```java expect-error
                int y = "no";
                ```

                ```text
                not a cell
                ```
                """);
        assertEquals(List.of(
                LessonDraft.Part.markdown("Intro."),
                LessonDraft.Part.java("int x = 1;", Cell.Mode.RUN),
                LessonDraft.Part.java("int y = \"no\";", Cell.Mode.EXPECT_ERROR),
                LessonDraft.Part.markdown("```text\nnot a cell\n```")), draft.parts());
    }

    @Test
    void aFileWithoutBlankLinesAtTheJointsMeansTheSameAfterARoundTrip() throws Exception {
        String tight = "---\ntitle: T\nsummary: S\n---\nBefore.\n```java\nint x = 1;\n```\nAfter.\n";
        LessonDraft draft = LessonDraft.parse(tight);
        String written = draft.toMarkdown();
        assertEquals("---\ntitle: T\nsummary: S\n---\n\nBefore.\n\n```java\nint x = 1;\n```\n\nAfter.\n", written);
        Path name = Path.of("01-t.md");
        assertEquals(LessonParser.parse(name, tight).cells().get(0).code(), LessonParser.parse(name, written).cells().get(0).code());
        assertEquals(draft, LessonDraft.parse(written));
    }

    @Test
    void codeHoldingAFenceGetsALongerOne() throws Exception {
        String code = "String md = \"\"\"\n```java\nx\n```\n\"\"\";";
        LessonDraft draft = new LessonDraft("T", "S", List.of(LessonDraft.Part.java(code, Cell.Mode.RUN)));
        String written = draft.toMarkdown();
        assertTrue(written.contains("````java\n"), written);
        assertEquals(draft, LessonDraft.parse(written));
        assertEquals(code, LessonParser.parse(Path.of("01-t.md"), written).cells().get(0).code());
    }

    @Test
    void titlesThatYamlWouldMisreadAreQuoted() throws Exception {
        for (String title : List.of("Capstone: a plan", "# not a comment", "\"quoted\" words", "ends with colon:",
                "- a dash", "plain title, with a comma")) {
            LessonDraft draft = new LessonDraft(title, "S", List.of());
            assertEquals(title, LessonDraft.parse(draft.toMarkdown()).title(), draft.toMarkdown());
        }
    }

    @Test
    void aBlankSummaryOrTitleIsFilledSoTheFileIsAValidLesson() throws Exception {
        LessonDraft draft = new LessonDraft(" ", "", List.of(LessonDraft.Part.java("1 + 1", Cell.Mode.RUN)));
        Lesson lesson = LessonParser.parse(Path.of("12-untitled.md"), draft.toMarkdown());
        assertEquals("Untitled notebook", lesson.title());
        assertEquals(LessonDraft.NO_SUMMARY, lesson.summary());
        assertEquals("1 + 1", lesson.cells().get(0).code());
    }

    @Test
    void brokenFilesSayTheLineAndReason() {
        Problem noFrontMatter = assertThrows(CourseException.class, () -> LessonDraft.parse("# Just prose\n")).problem();
        assertEquals(1, noFrontMatter.line());
        assertTrue(noFrontMatter.reason().contains("front matter"), noFrontMatter.reason());
        Problem badMode = assertThrows(CourseException.class,
                () -> LessonDraft.parse("---\ntitle: T\nsummary: S\n---\n\n```java fast\n1\n```\n")).problem();
        assertEquals(6, badMode.line());
        assertTrue(badMode.reason().contains("unknown word 'fast'"), badMode.reason());
        Problem open = assertThrows(CourseException.class,
                () -> LessonDraft.parse("---\ntitle: T\nsummary: S\n---\n\n```java\n1\n")).problem();
        assertTrue(open.reason().contains("never closed"), open.reason());
    }
}
