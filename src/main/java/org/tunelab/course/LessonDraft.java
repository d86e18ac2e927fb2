package org.tunelab.course;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;

/**
 * A lesson as an editable list of parts, Markdown prose and Java cells, and the file text it makes: what the
 * playground keeps as a notebook. {@link #parse} reads a {@code lessons/} file and {@link #toMarkdown} writes one.
 *
 * <p>A lesson file written with one blank line between prose and each fence (as the course's own are) comes back
 * byte for byte; elsewhere blank lines at those joints become exactly one, which CommonMark reads the same way.
 *
 * <pre>{@code
 * LessonDraft draft = LessonDraft.parse(Files.readString(Path.of("lessons/05-few-shot.md")));
 * draft.parts().get(1).text();      // the first cell's code
 * draft.toMarkdown();               // the file again
 * }</pre>
 *
 * @param title   the front matter's title
 * @param summary the front matter's summary (may be blank; {@link #toMarkdown} then writes a placeholder)
 * @param parts   prose and cells in document order
 */
public record LessonDraft(String title, String summary, List<Part> parts) {

    /** What a written draft says when its summary was left blank (a lesson needs one). */
    public static final String NO_SUMMARY = "A notebook drafted in the TuneLab playground.";

    /** Whether a part is prose or code. */
    public enum Kind { MARKDOWN, JAVA }

    /**
     * One part of a lesson.
     *
     * @param kind Markdown prose or a Java cell
     * @param text the prose, or the cell's code without its fence lines
     * @param mode for a Java cell, how it runs; for prose, {@link Cell.Mode#RUN} (ignored)
     */
    public record Part(Kind kind, String text, Cell.Mode mode) {
        public Part {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(mode, "mode");
        }

        public static Part markdown(String text) {
            return new Part(Kind.MARKDOWN, text, Cell.Mode.RUN);
        }

        public static Part java(String code, Cell.Mode mode) {
            return new Part(Kind.JAVA, code, mode);
        }
    }

    public LessonDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        parts = List.copyOf(parts);
    }

    private static final Path UNNAMED = Path.of("notebook.md");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("^[\\s\"'`#&*!|>%@\\[\\]{}-]|: |:$|\\s#|\\s$");

    /**
     * Reads a lesson file's text.
     *
     * @throws CourseException with the line and reason when the front matter or a fence is broken
     */
    public static LessonDraft parse(String text) throws CourseException {
        String unix = text.replace("\r\n", "\n");
        FrontMatter fm = FrontMatter.parse(UNNAMED, unix);
        Object summary = fm.values().get("summary");
        return fromBody(fm.text(UNNAMED, "title"), summary instanceof String s ? s : "", fm.body(), fm.bodyLine());
    }

    /** A loaded lesson as a draft (its cells as the lesson file has them, not a student's edits). */
    public static LessonDraft of(Lesson lesson) {
        try {
            return fromBody(lesson.title(), lesson.summary(), lesson.markdown(), lesson.bodyLine());
        } catch (CourseException e) {
            throw new IllegalStateException("lesson " + lesson.slug() + " loaded, yet its body does not parse: " + e, e);
        }
    }

    private static LessonDraft fromBody(String title, String summary, String body, int bodyLine) throws CourseException {
        String[] lines = body.split("\n", -1);
        List<Part> parts = new ArrayList<>();
        int proseFrom = 0;
        for (Node n = Markdown.parser().parse(body).getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof FencedCodeBlock fence) || fence.getSourceSpans().isEmpty()) {
                continue;
            }
            int first = fence.getSourceSpans().get(0).getLineIndex();
            Cell.Mode mode;
            try {
                var found = Markdown.cellMode(fence);
                if (found.isEmpty()) {
                    continue;
                }
                mode = found.get();
            } catch (IllegalArgumentException e) {
                throw new CourseException(new Problem(UNNAMED, bodyLine + first, e.getMessage()));
            }
            if (fence.getClosingFenceLength() == null) {
                throw new CourseException(new Problem(UNNAMED, bodyLine + first,
                        "code fence opened here is never closed (add a line ``` after the code)"));
            }
            int last = fence.getSourceSpans().get(fence.getSourceSpans().size() - 1).getLineIndex();
            addProse(parts, lines, proseFrom, first);
            String code = fence.getLiteral();
            parts.add(Part.java(code.endsWith("\n") ? code.substring(0, code.length() - 1) : code, mode));
            proseFrom = last + 1;
        }
        addProse(parts, lines, proseFrom, lines.length);
        return new LessonDraft(title, summary, parts);
    }

    /** Prose between two joints, without the one blank line that separates it from each neighbour. */
    private static void addProse(List<Part> parts, String[] lines, int from, int to) {
        int start = from;
        int end = to;
        if (start < end && lines[start].isBlank()) {
            start++;
        }
        if (end > start && lines[end - 1].isBlank()) {
            end--;
        }
        if (start < end) {
            parts.add(Part.markdown(String.join("\n", java.util.Arrays.asList(lines).subList(start, end))));
        }
    }

    /** The lesson file: front matter, then the parts with one blank line between each two. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("---\n");
        out.append("title: ").append(yaml(title.isBlank() ? "Untitled notebook" : title)).append('\n');
        out.append("summary: ").append(yaml(summary.isBlank() ? NO_SUMMARY : summary)).append('\n');
        out.append("---\n");
        for (Part part : parts) {
            out.append('\n');
            if (part.kind() == Kind.MARKDOWN) {
                out.append(part.text().strip().isEmpty() ? "" : stripBlankEnds(part.text())).append('\n');
            } else {
                String fence = fenceFor(part.text());
                out.append(fence).append(info(part.mode())).append('\n');
                out.append(part.text()).append(part.text().isEmpty() || part.text().endsWith("\n") ? "" : "\n");
                out.append(fence).append('\n');
            }
        }
        return out.toString();
    }

    private static String stripBlankEnds(String text) {
        String[] lines = text.split("\n", -1);
        int start = 0;
        int end = lines.length;
        while (start < end && lines[start].isBlank()) start++;
        while (end > start && lines[end - 1].isBlank()) end--;
        return String.join("\n", java.util.Arrays.asList(lines).subList(start, end));
    }

    /** Three backticks, or more when the code itself holds a line of three. */
    private static String fenceFor(String code) {
        int longest = 0;
        for (String line : code.split("\n", -1)) {
            String t = line.strip();
            int n = 0;
            while (n < t.length() && t.charAt(n) == '`') n++;
            longest = Math.max(longest, n);
        }
        return "`".repeat(longest >= 3 ? longest + 1 : 3);
    }

    private static String info(Cell.Mode mode) {
        return mode == Cell.Mode.RUN ? "java" : "java " + mode.word();
    }

    /** A front matter value, quoted when plain YAML would read it differently. */
    private static String yaml(String value) {
        String one = value.replace('\n', ' ');
        if (!NEEDS_QUOTES.matcher(one).find()) {
            return one;
        }
        return '"' + one.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
