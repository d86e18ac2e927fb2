package org.tunelab.play;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report of a dataset check: every problem OpenAI's data-preparation guidance looks for, each with the
 * JSONL line it is on. Errors make a file unusable for fine-tuning; warnings are worth a look.
 *
 * <pre>{@code
 * DataCheck report = Dataset.check(Path.of("tickets.jsonl"), Models.tiny());
 * report                    // a table: line, severity, kind, message
 * report.ok()               // no errors?
 * report.valid()            // the examples on the lines without errors
 * }</pre>
 *
 * <p>Errors: a line that is not JSON ({@code not_json}) or not an object ({@code not_object}); no
 * {@code messages} list ({@code missing_messages}); a message without {@code role} ({@code missing_role}) or
 * {@code content} ({@code missing_content}); a key that is neither OpenAI's nor ours ({@code unknown_key}); a
 * role other than system, user, assistant ({@code unknown_role}); empty content ({@code empty_content}); no
 * assistant message ({@code no_assistant}); more tokens than the limit ({@code too_long}); chat and
 * prompt/completion lines in one file ({@code mixed_format}); no examples at all ({@code no_examples}).
 * Warnings: the same example twice ({@code duplicate}); fewer than {@value #SHORT_WORDS} words of input
 * ({@code short}); one label more than {@value #IMBALANCE_RATIO} times as frequent as another
 * ({@code imbalance}); a key OpenAI accepts but TuneLab drops when loading ({@code ignored_key}).
 * Blank lines are skipped. Line 0 means the whole file.
 */
public final class DataCheck implements Displayable {
    /** Inputs with fewer words than this get a {@code short} warning. */
    public static final int SHORT_WORDS = 3;
    /** Largest over smallest label count above this gets an {@code imbalance} warning. */
    public static final double IMBALANCE_RATIO = 3.0;
    /** The most issues the display table shows (the lists hold them all). */
    static final int SHOWN = 200;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content");
    private static final Set<String> OPENAI_MESSAGE_KEYS = Set.of("name", "weight", "function_call", "tool_calls", "tool_call_id");
    private static final Set<String> OPENAI_TOP_KEYS = Set.of("tools", "functions", "parallel_tool_calls");

    /** How bad an issue is. */
    public enum Severity {
        /** The line cannot be used. */
        ERROR,
        /** The line can be used, but look at it. */
        WARNING;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What is wrong; each kind has one severity. */
    public enum Kind {
        NOT_JSON(Severity.ERROR), NOT_OBJECT(Severity.ERROR), MISSING_MESSAGES(Severity.ERROR),
        MISSING_ROLE(Severity.ERROR), MISSING_CONTENT(Severity.ERROR), UNKNOWN_KEY(Severity.ERROR),
        UNKNOWN_ROLE(Severity.ERROR), EMPTY_CONTENT(Severity.ERROR), NO_ASSISTANT(Severity.ERROR),
        TOO_LONG(Severity.ERROR), MIXED_FORMAT(Severity.ERROR), NO_EXAMPLES(Severity.ERROR),
        DUPLICATE(Severity.WARNING), SHORT(Severity.WARNING), IMBALANCE(Severity.WARNING), IGNORED_KEY(Severity.WARNING);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        /** Error or warning. */
        public Severity severity() {
            return severity;
        }

        /** The name in reports, e.g. {@code "missing_role"}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One problem.
     *
     * @param line    the JSONL line (from 1), or 0 for the whole file
     * @param kind    what is wrong
     * @param message what and how to fix it
     */
    public record Issue(int line, Kind kind, String message) {
        /** Error or warning (from the kind). */
        public Severity severity() {
            return kind.severity();
        }

        /** Whether this is an error. */
        public boolean isError() {
            return kind.severity() == Severity.ERROR;
        }

        @Override
        public String toString() {
            return (line == 0 ? "file" : "line " + line) + ": " + kind + ": " + message;
        }
    }

    private final String source;
    private final int examplesRead;
    private final List<Issue> issues;
    private final Dataset valid;

    private DataCheck(String source, int examplesRead, List<Issue> issues, Dataset valid) {
        this.source = source;
        this.examplesRead = examplesRead;
        this.issues = List.copyOf(issues);
        this.valid = valid;
    }

    /** Every issue, by line (whole-file issues last). */
    public List<Issue> issues() {
        return issues;
    }

    /** The errors. */
    public List<Issue> errors() {
        return issues.stream().filter(Issue::isError).toList();
    }

    /** The warnings. */
    public List<Issue> warnings() {
        return issues.stream().filter(i -> !i.isError()).toList();
    }

    /** The issues of one kind, e.g. {@code report.issues(DataCheck.Kind.DUPLICATE)}. */
    public List<Issue> issues(Kind kind) {
        return issues.stream().filter(i -> i.kind() == kind).toList();
    }

    /** Whether there are no errors (warnings allowed). */
    public boolean ok() {
        return issues.stream().noneMatch(Issue::isError);
    }

    /** The examples on lines without errors: a lenient load. */
    public Dataset valid() {
        return valid;
    }

    /** What was checked: a file name, "jsonl" for text, or a dataset's name. */
    public String source() {
        return source;
    }

    /** A one-line summary, e.g. {@code "tickets.jsonl: 120 examples, 118 valid, 2 errors, 1 warning"}. */
    public String summary() {
        int e = errors().size(), w = issues.size() - e;
        return source + ": " + examplesRead + " examples, " + valid.size() + " valid, " + e + (e == 1 ? " error, " : " errors, ")
                + w + (w == 1 ? " warning" : " warnings");
    }

    @Override
    public String toDisplay() {
        return table().toDisplay();
    }

    /** The issues as a {@link Table}: line (empty for the whole file), severity, kind, message (at most 200 rows). */
    public Table table() {
        String title = summary() + (issues.size() > SHOWN ? " (first " + SHOWN + " shown)" : "");
        Table t = Table.of("line", "severity", "kind", "message").title(title);
        for (Issue i : issues.subList(0, Math.min(SHOWN, issues.size()))) {
            t.row(i.line() == 0 ? null : i.line(), i.severity().toString(), i.kind().toString(), i.message());
        }
        return t;
    }

    @Override
    public String toString() {
        return issues.isEmpty() ? summary() + ": no problems found" : table().toString();
    }

    // ---------------------------------------------------------------- checking

    /** Checks JSONL text; {@code encoding} null skips the token limit. */
    static DataCheck of(String source, String text, Encoding encoding, int maxTokens) {
        Checker c = new Checker(encoding, maxTokens);
        String[] lines = text.split("\n", -1);
        int read = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            read++;
            Example e = c.parse(i + 1, line, read == 1 && lines.length <= 2);
            if (e != null) {
                c.example(i + 1, e);
            }
        }
        return c.finish(source, read);
    }

    /** Checks examples built in code; example i is line i + 1, as {@link Dataset#save} would write it. */
    static DataCheck of(Dataset dataset, Encoding encoding, int maxTokens) {
        Checker c = new Checker(encoding, maxTokens);
        for (int i = 0; i < dataset.size(); i++) {
            c.example(i + 1, dataset.get(i));
        }
        return c.finish(dataset.name(), dataset.size());
    }

    private static final class Checker {
        private final Encoding encoding;
        private final int maxTokens;
        private final List<Issue> issues = new ArrayList<>();
        private final List<Example> valid = new ArrayList<>();
        private final List<Integer> validLines = new ArrayList<>();
        private final Map<Example, Integer> firstLine = new HashMap<>();
        private Boolean chatFormat; // set by the first line that has a format
        private int formatLine;

        Checker(Encoding encoding, int maxTokens) {
            this.encoding = encoding;
            this.maxTokens = maxTokens;
        }

        private void add(int line, Kind kind, String message) {
            issues.add(new Issue(line, kind, message));
        }

        /** The example on a line, or null after reporting why there is none. */
        Example parse(int line, String text, boolean onlyLine) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                String hint = onlyLine && !text.strip().startsWith("{") && text.strip().endsWith(".jsonl")
                        ? "; this looks like a file name: pass Path.of(\"" + text.strip() + "\")"
                        : "";
                add(line, Kind.NOT_JSON, "not JSON: " + plain(e.getOriginalMessage()) + " (column " + e.getLocation().getColumnNr() + ")" + hint);
                return null;
            }
            if (!node.isObject()) {
                add(line, Kind.NOT_OBJECT, "a JSON " + node.getNodeType().toString().toLowerCase(Locale.ROOT)
                        + ", not an object: each line must be one {\"messages\": [...]} object");
                return null;
            }
            boolean chat = node.has("messages") || !(node.has("prompt") || node.has("completion"));
            if (chatFormat == null) {
                chatFormat = chat;
                formatLine = line;
            } else if (chatFormat != chat) {
                add(line, Kind.MIXED_FORMAT, (chat ? "a chat example" : "a prompt/completion example") + " but line "
                        + formatLine + " is " + (chatFormat ? "chat" : "prompt/completion") + ": use one format per file");
                return null;
            }
            return chat ? chat(line, node) : promptCompletion(line, node);
        }

        private Example chat(int line, JsonNode node) {
            int before = issues.size();
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (OPENAI_TOP_KEYS.contains(key)) {
                    add(line, Kind.IGNORED_KEY, "key \"" + key + "\" is valid for OpenAI but TuneLab drops it");
                } else if (!key.equals("messages")) {
                    add(line, Kind.UNKNOWN_KEY, "unknown key \"" + key + "\": a line holds \"messages\" (or \"prompt\" and \"completion\")");
                }
            }
            JsonNode list = node.get("messages");
            if (list == null || !list.isArray() || list.isEmpty()) {
                add(line, Kind.MISSING_MESSAGES, list == null ? "no \"messages\" list"
                        : list.isArray() ? "\"messages\" is an empty list" : "\"messages\" is not a list");
                return null;
            }
            List<Message> messages = new ArrayList<>();
            for (int m = 0; m < list.size(); m++) {
                Message message = message(line, m + 1, list.get(m));
                if (message != null) {
                    messages.add(message);
                }
            }
            if (issues.subList(before, issues.size()).stream().anyMatch(Issue::isError)) {
                return null;
            }
            if (messages.stream().noneMatch(m -> m.role() == Role.ASSISTANT)) {
                add(line, Kind.NO_ASSISTANT, "no assistant message: add {\"role\": \"assistant\", \"content\": \"the answer\"}");
                return null;
            }
            return Example.chat(messages);
        }

        private Message message(int line, int index, JsonNode node) {
            String where = "message " + index;
            if (!node.isObject()) {
                add(line, Kind.NOT_OBJECT, where + " is not an object: write {\"role\": ..., \"content\": ...}");
                return null;
            }
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (OPENAI_MESSAGE_KEYS.contains(key)) {
                    add(line, Kind.IGNORED_KEY, where + ": key \"" + key + "\" is valid for OpenAI but TuneLab drops it");
                } else if (!MESSAGE_KEYS.contains(key)) {
                    add(line, Kind.UNKNOWN_KEY, where + ": unknown key \"" + key + "\": a message has \"role\" and \"content\"");
                }
            }
            JsonNode role = node.get("role");
            JsonNode content = node.get("content");
            Role parsed = null;
            if (role == null) {
                add(line, Kind.MISSING_ROLE, where + " has no \"role\"");
            } else if (!role.isTextual() || !isRole(role.asText())) {
                add(line, Kind.UNKNOWN_ROLE, where + ": role " + role + " is not \"system\", \"user\" or \"assistant\"");
            } else {
                parsed = Role.of(role.asText());
            }
            if (content == null || content.isNull()) {
                add(line, Kind.MISSING_CONTENT, where + " has no \"content\"");
            } else if (!content.isTextual()) {
                add(line, Kind.MISSING_CONTENT, where + ": \"content\" is not a string (TuneLab reads text only)");
            }
            return parsed == null || content == null || !content.isTextual() ? null : new Message(parsed, content.asText());
        }

        private Example promptCompletion(int line, JsonNode node) {
            int before = issues.size();
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.equals("prompt") && !key.equals("completion")) {
                    add(line, Kind.UNKNOWN_KEY, "unknown key \"" + key + "\": a prompt/completion line holds only those two");
                }
            }
            for (String field : List.of("prompt", "completion")) {
                JsonNode value = node.get(field);
                if (value == null || value.isNull()) {
                    add(line, Kind.MISSING_CONTENT, "no \"" + field + "\"");
                } else if (!value.isTextual()) {
                    add(line, Kind.MISSING_CONTENT, "\"" + field + "\" is not a string");
                }
            }
            if (issues.size() > before && issues.subList(before, issues.size()).stream().anyMatch(Issue::isError)) {
                return null;
            }
            return Example.completion(node.get("prompt").asText(), node.get("completion").asText());
        }

        private static boolean isRole(String name) {
            for (Role r : Role.values()) {
                if (r.wireName().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** Checks one well-formed example: content, length, duplicates, shortness. */
        void example(int line, Example e) {
            boolean ok = true;
            if (e.isChat()) {
                List<Message> messages = e.messages();
                for (int m = 0; m < messages.size(); m++) {
                    if (messages.get(m).content().isBlank()) {
                        add(line, Kind.EMPTY_CONTENT, "message " + (m + 1) + " (" + messages.get(m).role().wireName() + ") is empty");
                        ok = false;
                    }
                }
            } else {
                if (e.prompt().isBlank()) {
                    add(line, Kind.EMPTY_CONTENT, "\"prompt\" is empty");
                    ok = false;
                }
                if (e.completion().isBlank()) {
                    add(line, Kind.EMPTY_CONTENT, "\"completion\" is empty");
                    ok = false;
                }
            }
            if (ok && encoding != null) {
                int tokens = e.tokens(encoding);
                if (tokens > maxTokens) {
                    add(line, Kind.TOO_LONG, tokens + " tokens (" + encoding.name() + ") but the limit is " + maxTokens
                            + ": shorten it or drop it");
                    ok = false;
                }
            }
            if (!ok) {
                return;
            }
            Integer first = firstLine.putIfAbsent(e, line);
            if (first != null) {
                add(line, Kind.DUPLICATE, "same example as line " + first + " (lines " + first + " and " + line + ")");
            }
            int words = words(e);
            if (words < SHORT_WORDS) {
                add(line, Kind.SHORT, "input is only " + words + (words == 1 ? " word" : " words") + ": very short examples teach little");
            }
            valid.add(e);
            validLines.add(line);
        }

        private static int words(Example e) {
            StringBuilder input = new StringBuilder();
            if (e.isChat()) {
                for (Message m : e.messages()) {
                    if (m.role() == Role.USER) {
                        input.append(' ').append(m.content());
                    }
                }
            } else {
                input.append(e.prompt());
            }
            String text = input.toString().strip();
            return text.isEmpty() ? 0 : text.split("\\s+").length;
        }

        DataCheck finish(String source, int read) {
            if (read == 0) {
                add(0, Kind.NO_EXAMPLES, "no examples: the file is empty");
            }
            Dataset dataset = Dataset.of(valid).named(source);
            Map<String, Long> counts = dataset.labelCounts();
            if (Dataset.looksLikeClassification(counts, dataset.size())) {
                long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
                long min = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
                if (min > 0 && (double) max / min > IMBALANCE_RATIO) {
                    add(0, Kind.IMBALANCE, String.format(Locale.ROOT,
                            "labels are imbalanced (largest/smallest %.1f > %.0f): %s", (double) max / min, IMBALANCE_RATIO, counts));
                }
            }
            issues.sort(Comparator.comparingInt(i -> i.line() == 0 ? Integer.MAX_VALUE : i.line()));
            return new DataCheck(source, read, issues, dataset);
        }
    }

    /** Jackson's message without its parser internals ("start marker at [Source: REDACTED ...]"). */
    private static String plain(String message) {
        return message.replaceAll("\\s*\\((start marker at )?\\[Source:[^\\]]*\\][^)]*\\)", "")
                .replaceAll("\\s+", " ").strip();
    }
}
