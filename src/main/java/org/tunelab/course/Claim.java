package org.tunelab.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A checked claim: something the lesson says about its cells' results, written as a Java boolean expression that
 * {@code validate} evaluates in the lesson's kernel after the cells above it have run. A {@code ```claim} fence
 * holds one claim per line, each optionally followed by {@code // the claim in words}:
 *
 * <pre>
 * ```claim
 * tuned.min() > baseline.max()      // the fine-tuned model beats the prompt on every seed
 * curve.get(60).mean() < 0.6        // sixty examples teach less than 60% of the task
 * ```
 * </pre>
 *
 * When a claim stops holding (Tiny was retrained, a cell changed), validate names the lesson, the line and what the
 * two sides of the failing comparison measured.
 *
 * @param expression  a Java boolean expression over the lesson's variables
 * @param statement   the claim in words, shown to students; the expression itself when the line has no comment
 * @param line        1-based line of the claim in the lesson file
 * @param cellsBefore how many cells of the lesson come before the claim: those run first
 */
public record Claim(String expression, String statement, int line, int cellsBefore) {

    /** A claim line that is not one: {@link #line()} is its line in the lesson file. */
    public static final class SyntaxException extends IllegalArgumentException {
        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** A top-level comparison of a claim: {@code left op right}. */
    public record Comparison(String left, String operator, String right) {
    }

    /**
     * Parses the lines of a {@code ```claim} fence. Blank lines and lines that are only a comment are skipped.
     *
     * @param text        the fence's text
     * @param firstLine   the file line of the fence's first text line
     * @param cellsBefore cells before the fence
     * @throws SyntaxException when a line's brackets or quotes do not close
     */
    public static List<Claim> parse(String text, int firstLine, int cellsBefore) {
        List<Claim> claims = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            int comment = topLevel(line, "//", true);
            String expression = (comment < 0 ? line : line.substring(0, comment)).strip();
            String statement = comment < 0 ? expression : line.substring(comment + 2).strip();
            if (depthAtEnd(expression) != 0) {
                throw new SyntaxException(firstLine + i, "the claim '" + expression + "' does not close its brackets or quotes"
                        + " (a claim is one line)");
            }
            claims.add(new Claim(expression, statement.isEmpty() ? expression : statement, firstLine + i, cellsBefore));
        }
        return claims;
    }

    /** The parts of the expression joined by a top-level {@code &&}, each checked on its own. */
    public List<String> conjuncts() {
        List<String> parts = new ArrayList<>();
        String rest = expression;
        for (int at = topLevel(rest, "&&", false); at >= 0; at = topLevel(rest, "&&", false)) {
            parts.add(rest.substring(0, at).strip());
            rest = rest.substring(at + 2);
        }
        parts.add(rest.strip());
        return parts;
    }

    /**
     * The top-level comparison of one conjunct ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code ==},
     * {@code !=}), if it is one; a lambda's {@code ->} and shifts are not comparisons.
     */
    public static Optional<Comparison> comparison(String conjunct) {
        for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) {
            int at = topLevel(conjunct, op, false);
            if (at > 0) {
                return Optional.of(new Comparison(conjunct.substring(0, at).strip(), op,
                        conjunct.substring(at + op.length()).strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * The index of {@code token} outside brackets, strings and characters, or -1. For comparisons, {@code <} and
     * {@code >} that belong to {@code ->}, {@code <<}, {@code >>}, {@code <=}/{@code >=} (when looking for the
     * one-character form) or a generic call such as {@code List.<String>of()} do not count.
     */
    private static int topLevel(String s, String token, boolean anyDepth) {
        return walk(s, (i, depth) -> (depth == 0 || anyDepth) && s.startsWith(token, i) && standsAlone(s, i, token), null);
    }

    /**
     * Walks {@code s} outside string and character literals, asking {@code stop} at each index with the bracket
     * depth after that character; returns the first index where it answers true, or -1. {@code endDepth}, if given,
     * receives the depth at the end (or 1 when a literal is left open).
     */
    private static int walk(String s, java.util.function.BiPredicate<Integer, Integer> stop, int[] endDepth) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
            if (stop.test(i, depth)) {
                return i;
            }
        }
        if (endDepth != null) {
            endDepth[0] = quote != 0 ? 1 : depth;
        }
        return -1;
    }

    private static boolean standsAlone(String s, int i, String token) {
        if (token.length() > 1) {
            return true;
        }
        char before = i == 0 ? ' ' : s.charAt(i - 1);
        char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
        if (after == '=' || after == token.charAt(0) || before == token.charAt(0) || before == '-') {
            return false;
        }
        return !(token.equals("<") && before == '.'); // List.<String>of()
    }

    private static int depthAtEnd(String s) {
        int[] depth = new int[1];
        walk(s, (i, d) -> false, depth);
        return depth[0];
    }
}
