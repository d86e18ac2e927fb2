package org.tunelab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Completion and documentation for a cell, from a kernel's JShell. Earlier cells' declarations are in the JShell
 * already; this class makes the cell's own text something JShell can analyse. JShell reads the text up to the
 * cursor as one method body (or one class member), so statements earlier in the cell count as local variables,
 * while the cell's own method, type and import declarations before the cursor are blanked out (they cannot sit
 * in a method body, and would make JShell find nothing). Not thread-safe: the caller holds the kernel.
 */
final class CodeAnalysis {
    /** The most overloads one documentation answer lists. */
    static final int MAX_ENTRIES = 20;
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|literal|link|linkplain|value) ?([^}]*)}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private final SourceCodeAnalysis analysis;
    private final SourceDocs sources;

    CodeAnalysis(SourceCodeAnalysis analysis, SourceDocs sources) {
        this.analysis = analysis;
        this.sources = sources;
    }

    /** Suggestions at the cursor, each continuation once (JShell lists {@code add(} once per overload). */
    Completions complete(String code, int cursor) {
        int at = clamp(code, cursor);
        int[] anchor = new int[1];
        Set<String> unique = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion suggestion : analysis.completionSuggestions(focus(code, at), at, anchor)) {
            unique.add(suggestion.continuation());
            if (unique.size() == Completions.MAX) {
                break;
            }
        }
        return new Completions(anchor[0], new ArrayList<>(unique), false);
    }

    /**
     * Signatures and Javadoc of what the cursor is on. The cursor may be anywhere in a name, just after the call's
     * opening parenthesis, or just after the call's closing one; the whole name (and its parenthesis) is looked up.
     */
    Documentation documentation(String code, int cursor) {
        int end = endOfName(code, clamp(code, cursor));
        Documentation found = documentationAt(code, end);
        int open = found.entries().isEmpty() ? openingParenthesis(code, end) : -1;
        return open < 0 ? found : documentationAt(code, open + 1); // just after a call: the call's method
    }

    private Documentation documentationAt(String code, int end) {
        List<Documentation.Entry> entries = analysis.documentation(focus(code, end), end, true).stream()
                .limit(MAX_ENTRIES)
                .map(doc -> new Documentation.Entry(doc.signature(),
                        doc.javadoc() != null ? plain(doc.javadoc()) : plainOrNull(sources.javadoc(doc.signature()))))
                .toList();
        return new Documentation(entries, false);
    }

    /** The cell up to {@code cursor}, with the method, type and import declarations before its last snippet blanked. */
    private String focus(String code, int cursor) {
        String prefix = code.substring(0, cursor);
        List<Cell.Part> parts = new Cell(prefix, analysis).parts();
        StringBuilder text = new StringBuilder(prefix);
        for (int i = 0; i < parts.size() - 1; i++) { // the last part is the one being typed: always kept
            Cell.Part part = parts.get(i);
            if (isDeclaration(part.source())) {
                for (int at = part.offset(); at < part.offset() + part.length(); at++) {
                    if (text.charAt(at) != '\n') {
                        text.setCharAt(at, ' '); // same length, so offsets stay the cell's
                    }
                }
            }
        }
        return text.toString();
    }

    private boolean isDeclaration(String source) {
        String trimmed = source.strip();
        if (trimmed.startsWith("import ")) {
            return true;
        }
        if (!trimmed.endsWith("}")) {
            return false; // a statement, variable or expression: cheap to tell, and the common case
        }
        return analysis.sourceToSnippets(trimmed).stream().anyMatch(snippet ->
                snippet.kind() == Snippet.Kind.METHOD || snippet.kind() == Snippet.Kind.TYPE_DECL
                        || snippet.kind() == Snippet.Kind.IMPORT);
    }

    /** Past the rest of the name under the cursor, and its call's '(' if one follows. */
    private static int endOfName(String code, int cursor) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return end < code.length() && code.charAt(end) == '(' ? end + 1 : end;
    }

    /** Where the call that ends just before {@code end} (at a ')', blanks aside) opens, or -1. */
    private static int openingParenthesis(String code, int end) {
        int at = end - 1;
        while (at >= 0 && Character.isWhitespace(code.charAt(at))) {
            at--;
        }
        if (at < 0 || code.charAt(at) != ')') {
            return -1;
        }
        int depth = 0;
        for (; at >= 0; at--) {
            char c = code.charAt(at);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return at;
            }
        }
        return -1;
    }

    private static int clamp(String code, int cursor) {
        return Math.max(0, Math.min(cursor, code.length()));
    }

    private static String plainOrNull(String javadoc) {
        return javadoc == null ? null : plain(javadoc);
    }

    /** Javadoc as text for a popup: inline tags become their text, HTML tags go, paragraphs stay apart. */
    static String plain(String javadoc) {
        String text = javadoc.replaceAll("(?i)<p>|<br\\s*/?>|<li>", "\n");
        text = INLINE_TAG.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1).startsWith("link") ? linkText(match.group(2)) : match.group(2)));
        text = HTML_TAG.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** {@code {@link Models#tiny() the model}} reads "the model"; without a label, "Models.tiny()". */
    private static String linkText(String body) {
        String trimmed = body.strip();
        int close = trimmed.indexOf(')');
        int space = trimmed.indexOf(' ', close < 0 ? 0 : close); // a label follows the reference and its parameters
        if (space > 0) {
            return trimmed.substring(space + 1).strip();
        }
        return trimmed.startsWith("#") ? trimmed.substring(1) : trimmed.replace('#', '.');
    }
}
