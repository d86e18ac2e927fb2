package org.tunelab.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML front matter of a course file: the subset lessons and exercises use, parsed with line
 * numbers so that errors say where. Supported: {@code key: value} with plain, "double" or
 * 'single' quoted values, block lists ({@code key:} followed by {@code - item} lines), comments.
 *
 * @param values   key to a {@code String} or a {@code List<String>}
 * @param lines    key to the 1-based file line it was defined on
 * @param bodyLine the 1-based line where the Markdown body starts
 * @param body     the text after the closing {@code ---}
 */
public record FrontMatter(Map<String, Object> values, Map<String, Integer> lines, int bodyLine, String body) {

    /** Splits {@code text} into front matter and body; the front matter is required. */
    public static FrontMatter parse(java.nio.file.Path file, String text) throws CourseException {
        String[] rows = text.replace("\r\n", "\n").split("\n", -1);
        if (rows.length == 0 || !rows[0].strip().equals("---")) {
            throw new CourseException(new Problem(file, 1,
                    "front matter missing: the file must start with a line '---', then 'title: ...', then '---'"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String listKey = null;
        for (int i = 1; i < rows.length; i++) {
            int lineNo = i + 1;
            String row = rows[i];
            String trimmed = row.strip();
            if (trimmed.equals("---")) {
                String body = String.join("\n", java.util.Arrays.copyOfRange(rows, i + 1, rows.length));
                return new FrontMatter(Map.copyOf(values), Map.copyOf(lines), i + 2, body);
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                if (listKey == null) {
                    throw new CourseException(new Problem(file, lineNo,
                            "front matter: list item '" + trimmed + "' does not belong to a key (write 'key:' on the line above)"));
                }
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) values.get(listKey);
                list.add(scalar(file, lineNo, trimmed.substring(1).strip()));
                continue;
            }
            if (Character.isWhitespace(row.charAt(0))) {
                throw new CourseException(new Problem(file, lineNo,
                        "front matter: unexpected indentation in '" + trimmed + "'"));
            }
            int colon = row.indexOf(':');
            if (colon <= 0) {
                throw new CourseException(new Problem(file, lineNo,
                        "front matter: expected 'key: value' but found '" + trimmed + "'"));
            }
            String key = row.substring(0, colon).strip();
            if (!key.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new CourseException(new Problem(file, lineNo, "front matter: '" + key + "' is not a valid key"));
            }
            if (values.containsKey(key)) {
                throw new CourseException(new Problem(file, lineNo,
                        "front matter: '" + key + "' is defined twice (first on line " + lines.get(key) + ")"));
            }
            String rest = row.substring(colon + 1).strip();
            lines.put(key, lineNo);
            if (rest.isEmpty()) {
                values.put(key, new ArrayList<String>());
                listKey = key;
            } else {
                values.put(key, scalar(file, lineNo, rest));
                listKey = null;
            }
        }
        throw new CourseException(new Problem(file, 1,
                "front matter: opened with '---' on line 1 but never closed with another '---' line"));
    }

    private static String scalar(java.nio.file.Path file, int line, String raw) throws CourseException {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char quote = raw.charAt(0);
            if (raw.length() < 2 || raw.charAt(raw.length() - 1) != quote) {
                throw new CourseException(new Problem(file, line, "front matter: unterminated quote in " + raw));
            }
            String inner = raw.substring(1, raw.length() - 1);
            return quote == '"' ? unescape(file, line, inner) : inner.replace("''", "'");
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }

    /** YAML double-quoted escapes: {@code \\}, {@code \"}, {@code \n}, {@code \t}. */
    private static String unescape(java.nio.file.Path file, int line, String s) throws CourseException {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw new CourseException(new Problem(file, line, "front matter: a lone '\\' ends the quoted text"));
            }
            switch (s.charAt(i)) {
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                default -> throw new CourseException(new Problem(file, line, "front matter: unknown escape '\\"
                        + s.charAt(i) + "' in double quotes (write '\\\\' for a backslash, or use single quotes)"));
            }
        }
        return out.toString();
    }

    /** A required, non-empty text value. */
    public String text(java.nio.file.Path file, String key) throws CourseException {
        Object v = values.get(key);
        if (v == null) {
            throw new CourseException(new Problem(file, 1, "front matter: '" + key + "' missing"));
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new CourseException(new Problem(file, lines.get(key), "front matter: '" + key + "' must be a non-empty text"));
        }
        return s;
    }

    /** An optional text value. */
    public Optional<String> optionalText(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** An optional list value; a single text counts as a one-item list. */
    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> l ? List.copyOf((List<String>) l) : List.of((String) v);
    }
}
