package org.tunelab.course;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** Turns one {@code lessons/NN-slug.md} file's text into a {@link Lesson}, or a {@link Problem}. */
public final class LessonParser {
    /** {@code 03-few-shot.md}: a number, a dash, a lowercase slug. */
    public static final Pattern FILE_NAME = Pattern.compile("(\\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");

    private LessonParser() {
    }

    /** The slug a lesson file name gives, if the name follows {@code NN-slug.md}. */
    public static Optional<String> slugOf(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /**
     * @param file the path to name in problems (relative to the course directory, ideally)
     * @param text the file's contents
     */
    public static Lesson parse(Path file, String text) throws CourseException {
        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new CourseException(new Problem(file, 0,
                    "lesson file names look like '03-few-shot.md' (number, dash, lowercase words joined by dashes)"));
        }
        FrontMatter fm = FrontMatter.parse(file, text);
        String title = fm.text(file, "title");
        String summary = fm.text(file, "summary");
        Node doc = Markdown.parser().parse(fm.body());
        List<Cell> cells = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        fences(file, fm, doc, cells, claims);
        List<Lesson.Embed> embeds = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                Markdown.embeddedExercise(paragraph).ifPresent(slug -> embeds.add(new Lesson.Embed(slug,
                        fm.bodyLine() + paragraph.getSourceSpans().get(0).getLineIndex())));
            }
        });
        return new Lesson(name.group(2), Integer.parseInt(name.group(1)), title, summary, fm.body(), fm.bodyLine(),
                cells, embeds, claims, file);
    }

    /** Collects the Java cells and the claims, in document order. */
    private static void fences(Path file, FrontMatter fm, Node doc, List<Cell> cells, List<Claim> claims)
            throws CourseException {
        List<Problem> problems = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock fence) {
                int line = fm.bodyLine() + (fence.getSourceSpans().isEmpty() ? 0 : fence.getSourceSpans().get(0).getLineIndex());
                if (Markdown.isClaim(fence)) {
                    claims(fence, line);
                    return;
                }
                Optional<Cell.Mode> mode;
                try {
                    mode = Markdown.cellMode(fence);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(file, line, e.getMessage()));
                    return;
                }
                if (mode.isEmpty()) {
                    return;
                }
                if (fence.getClosingFenceLength() == null) {
                    problems.add(new Problem(file, line, "code fence opened here is never closed (add a line ``` after the code)"));
                    return;
                }
                String code = fence.getLiteral().endsWith("\n")
                        ? fence.getLiteral().substring(0, fence.getLiteral().length() - 1) : fence.getLiteral();
                cells.add(new Cell("cell-" + (cells.size() + 1), code, mode.get(), line));
            }

            private void claims(FencedCodeBlock fence, int line) {
                if (fence.getClosingFenceLength() == null) {
                    problems.add(new Problem(file, line, "claim fence opened here is never closed (add a line ``` after it)"));
                    return;
                }
                try {
                    List<Claim> found = Claim.parse(fence.getLiteral(), line + 1, cells.size());
                    if (found.isEmpty()) {
                        problems.add(new Problem(file, line, "a claim fence with no claim: write one Java boolean expression a line"));
                    }
                    claims.addAll(found);
                } catch (Claim.SyntaxException e) {
                    problems.add(new Problem(file, e.line(), e.getMessage()));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new CourseException(problems.get(0));
        }
    }
}
