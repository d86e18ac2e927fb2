package org.tunelab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonParserTest {
    private static final Path FILE = Path.of("lessons/03-few-shot.md");

    private static Lesson parse(String text) throws CourseException {
        return LessonParser.parse(FILE, text);
    }

    private static Problem problem(Path file, String text) {
        return assertThrows(CourseException.class, () -> LessonParser.parse(file, text)).problem();
    }

    @Test
    void readsFrontMatterSlugAndNumber() throws Exception {
        Lesson lesson = parse("""
                ---
                title: "Few-shot: examples in the prompt"
                summary: Show, don't tell  # a comment
                ---
                # Hello
                """);
        assertEquals("few-shot", lesson.slug());
        assertEquals(3, lesson.number());
        assertEquals("Few-shot: examples in the prompt", lesson.title());
        assertEquals("Show, don't tell", lesson.summary());
        assertEquals(5, lesson.bodyLine());
    }

    @Test
    void javaFencesBecomeCellsWithModesAndLines() throws Exception {
        Lesson lesson = parse("""
                ---
                title: T
                summary: S
                ---
                Text.

                ```java
                int x = 1;
                x + 1
                ```

                ```python
                print("not a cell")
                ```

                ```java no-run
                Model m = Models.tiny();
                ```

                ```java expect-error
                int y = "no";
                ```
                """);
        List<Cell> cells = lesson.cells();
        assertEquals(3, cells.size());
        assertEquals(new Cell("cell-1", "int x = 1;\nx + 1", Cell.Mode.RUN, 7), cells.get(0));
        assertEquals(Cell.Mode.DISPLAY, cells.get(1).mode());
        assertEquals("cell-2", cells.get(1).id());
        assertEquals(16, cells.get(1).line());
        assertEquals(Cell.Mode.EXPECT_ERROR, cells.get(2).mode());
        assertEquals("int y = \"no\";", cells.get(2).code());
    }

    @Test
    void missingTitleNamesTheKey() {
        Problem p = problem(FILE, "---\nsummary: S\n---\nbody\n");
        assertEquals(FILE, p.file());
        assertTrue(p.reason().contains("'title' missing"), p.reason());
    }

    @Test
    void unclosedFrontMatter() {
        Problem p = problem(FILE, "---\ntitle: T\nsummary: S\n# no closing line\n");
        assertEquals(1, p.line());
        assertTrue(p.reason().contains("never closed"), p.reason());
    }

    @Test
    void noFrontMatterAtAll() {
        Problem p = problem(FILE, "# Just markdown\n");
        assertEquals(1, p.line());
        assertTrue(p.reason().contains("front matter missing"), p.reason());
    }

    @Test
    void malformedFrontMatterLineHasItsLineNumber() {
        Problem p = problem(FILE, "---\ntitle: T\nthis is not yaml\nsummary: S\n---\n");
        assertEquals(3, p.line());
        assertTrue(p.reason().contains("expected 'key: value'"), p.reason());
    }

    @Test
    void duplicateKeyAndUnterminatedQuote() {
        assertEquals(3, problem(FILE, "---\ntitle: T\ntitle: U\nsummary: S\n---\n").line());
        Problem quote = problem(FILE, "---\ntitle: \"T\nsummary: S\n---\n");
        assertEquals(2, quote.line());
        assertTrue(quote.reason().contains("unterminated quote"), quote.reason());
    }

    @Test
    void unclosedJavaFenceNamesItsLine() {
        Problem p = problem(FILE, "---\ntitle: T\nsummary: S\n---\nIntro\n\n```java\nint x = 1;\n");
        assertEquals(7, p.line());
        assertTrue(p.reason().contains("never closed"), p.reason());
    }

    @Test
    void unknownFenceWordIsRefused() {
        Problem p = problem(FILE, "---\ntitle: T\nsummary: S\n---\n```java run-twice\nx\n```\n");
        assertEquals(5, p.line());
        assertTrue(p.reason().contains("run-twice"), p.reason());
    }

    @Test
    void badFileName() {
        Problem p = problem(Path.of("lessons/Few Shot.md"), "---\ntitle: T\nsummary: S\n---\n");
        assertTrue(p.reason().contains("03-few-shot.md"), p.reason());
    }

    @Test
    void doubleQuotedEscapes() throws Exception {
        FrontMatter fm = FrontMatter.parse(FILE, "---\ntitle: \"split(\\\"\\\\\\\\s+\\\") \\\\n\"\nsingle: 'it''s \\n'\n---\n");
        assertEquals("split(\"\\\\s+\") \\n", fm.optionalText("title").orElseThrow());
        assertEquals("it's \\n", fm.optionalText("single").orElseThrow());
        Problem p = assertThrows(CourseException.class, () -> FrontMatter.parse(FILE, "---\ntitle: \"a\\qb\"\n---\n")).problem();
        assertEquals(2, p.line());
        assertTrue(p.reason().contains("unknown escape"), p.reason());
    }

    @Test
    void frontMatterLists() throws Exception {
        FrontMatter fm = FrontMatter.parse(FILE, "---\ntitle: T\nhints:\n  - first\n  - \"second: quoted\"\n---\nbody");
        assertEquals(List.of("first", "second: quoted"), fm.list("hints"));
        assertEquals("body", fm.body());
        assertEquals(7, fm.bodyLine());
    }
}
