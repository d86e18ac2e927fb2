package org.tunelab.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * A cell's code split into JShell snippets, remembering where each snippet sits in the cell so that compile
 * errors and stack frames can be reported at the cell's own lines. {@code JShell.eval} takes one snippet
 * and silently drops the rest, hence the split.
 */
final class Cell {
    /**
     * One snippet.
     *
     * @param source what JShell evaluates (may carry a ';' that JShell's analysis added at the end)
     * @param offset where the snippet starts in the cell
     * @param length how many characters of the cell it covers
     */
    record Part(String source, int offset, int length) {
    }

    private final String code;
    private final List<Part> parts;

    Cell(String code, SourceCodeAnalysis analysis) {
        this.code = code;
        this.parts = split(code, analysis);
    }

    List<Part> parts() {
        return parts;
    }

    /** The 1-based line of a position in the cell. */
    int line(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, code.length()); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column of a position in the cell. */
    int column(int offset) {
        int clamped = Math.min(offset, code.length());
        return clamped - (code.lastIndexOf('\n', clamped - 1) + 1) + 1;
    }

    /** The position in the cell of a position within a part's source. */
    int cellOffset(Part part, long positionInPart) {
        if (positionInPart < 0) {
            return part.offset();
        }
        // Past the covered text is only the ';' JShell appended: report it at the end of the snippet's code.
        long within = Math.min(positionInPart, Math.max(0, trimmedLength(part)));
        return part.offset() + (int) within;
    }

    /**
     * Where a part's code starts after leading blanks and comments; JShell counts a snippet's stack-frame lines
     * from its first token.
     */
    int codeStart(Part part) {
        int at = part.offset();
        int end = part.offset() + part.length();
        while (at < end) {
            if (Character.isWhitespace(code.charAt(at))) {
                at++;
            } else if (code.startsWith("//", at)) {
                int newline = code.indexOf('\n', at);
                at = newline < 0 || newline >= end ? end : newline + 1;
            } else if (code.startsWith("/*", at)) {
                int close = code.indexOf("*/", at + 2);
                at = close < 0 || close + 2 > end ? end : close + 2;
            } else {
                return at;
            }
        }
        return part.offset();
    }

    private int trimmedLength(Part part) {
        int end = part.offset() + part.length();
        while (end > part.offset() && Character.isWhitespace(code.charAt(end - 1))) {
            end--;
        }
        return end - part.offset();
    }

    private static List<Part> split(String code, SourceCodeAnalysis analysis) {
        List<Part> parts = new ArrayList<>();
        String rest = code;
        while (!rest.isBlank()) {
            int offset = code.length() - rest.length();
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    if (info.remaining().length() >= rest.length()) { // no progress: never loop
                        parts.add(new Part(rest, offset, rest.length()));
                        rest = "";
                        continue;
                    }
                    int length = rest.length() - info.remaining().length();
                    parts.add(new Part(info.source(), offset, length));
                    rest = info.remaining();
                }
                case EMPTY -> rest = "";
                // Unfinished or unparsable: hand the rest to JShell as it is, so that its compiler says what is wrong.
                default -> {
                    parts.add(new Part(rest, offset, rest.length()));
                    rest = "";
                }
            }
        }
        return List.copyOf(parts);
    }
}
