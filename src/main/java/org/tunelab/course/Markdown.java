package org.tunelab.course;

import java.util.List;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The one Markdown dialect of the course (CommonMark plus GFM tables and autolinks), and the one
 * rule for which fences are cells. The course reads cells with it; the web renders with it, so
 * both agree on what {@code cell-3} is.
 */
public final class Markdown {
    /** Extensions shared by the parser and every renderer. */
    public static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

    private static final Pattern EXERCISE = Pattern.compile("\\{\\{\\s*exercise:\\s*([A-Za-z0-9_-]+)\\s*}}");

    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private Markdown() {
    }

    /** The shared, thread-safe parser (records block source spans for line numbers). */
    public static Parser parser() {
        return PARSER;
    }

    /**
     * The cell mode of a fence, or empty if it is not a Java cell. The info string's first word
     * must be {@code java}; further words may be {@code no-run} or {@code expect-error}.
     *
     * @throws IllegalArgumentException for a Java fence with a word we do not know
     */
    public static Optional<Cell.Mode> cellMode(FencedCodeBlock fence) {
        String info = fence.getInfo() == null ? "" : fence.getInfo().strip();
        String[] words = info.split("\\s+");
        if (!words[0].equals("java")) {
            return Optional.empty();
        }
        Cell.Mode mode = Cell.Mode.RUN;
        for (int i = 1; i < words.length; i++) {
            switch (words[i]) {
                case "no-run" -> mode = Cell.Mode.DISPLAY;
                case "expect-error" -> mode = Cell.Mode.EXPECT_ERROR;
                default -> throw new IllegalArgumentException("unknown word '" + words[i]
                        + "' after ```java (use 'no-run' for display-only code or 'expect-error' for a cell meant to fail)");
            }
        }
        return Optional.of(mode);
    }

    /** Whether a fence holds checked claims: its info string is {@code claim}. */
    public static boolean isClaim(FencedCodeBlock fence) {
        return fence.getInfo() != null && fence.getInfo().strip().equals("claim");
    }

    /**
     * The exercise a paragraph embeds, if the paragraph is exactly one line
     * {@code {{exercise: slug}}}.
     */
    public static Optional<String> embeddedExercise(Paragraph paragraph) {
        if (paragraph.getFirstChild() instanceof Text text && text.getNext() == null) {
            Matcher m = EXERCISE.matcher(text.getLiteral().strip());
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
