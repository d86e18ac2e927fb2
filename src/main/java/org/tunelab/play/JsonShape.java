package org.tunelab.play;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON a program expects from a model: one object with named text fields, each optionally limited to a list of
 * allowed values or a pattern, and no other fields. {@link #check(String)} parses a model's answer with Jackson and
 * says, in words, the first thing wrong with it; that is the validation step of structured output: never pass a
 * model's JSON on before code has checked it. Immutable: each method returns a changed copy.
 *
 * <pre>{@code
 * JsonShape ticket = JsonShape.object("department", "urgency", "order")
 *         .allow("department", "billing", "shipping", "technical", "account")
 *         .allow("urgency", "urgent", "normal")
 *         .pattern("order", "\\d{5}");
 * ticket.check("{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": \"48213\"}").valid()   // true
 * ticket.check("48213").problem()   // "not a JSON object but a number: 48213"
 * ticket.check("{\"department\": \"sales\", \"urgency\": \"urgent\", \"order\": \"48213\"}").problem()
 *         // "\"department\" is \"sales\"; allowed: billing, shipping, technical, account"
 * }</pre>
 *
 * Parsing alone is not validation: {@code 48213} and {@code "billing"} are valid JSON, and neither is the object asked
 * for. {@link Structured} asks a model again when its answer fails the check.
 */
public final class JsonShape {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final List<String> fields;
    private final Map<String, List<String>> allowed;
    private final Map<String, Pattern> patterns;

    private JsonShape(List<String> fields, Map<String, List<String>> allowed, Map<String, Pattern> patterns) {
        this.fields = List.copyOf(fields);
        this.allowed = Map.copyOf(allowed);
        this.patterns = Map.copyOf(patterns);
    }

    /**
     * An object with exactly these fields, each holding text: {@code JsonShape.object("department", "urgency", "order")}.
     */
    public static JsonShape object(String... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("JsonShape.object(fields...): name at least one field");
        }
        List<String> names = new ArrayList<>();
        for (String f : fields) {
            if (f == null || f.isBlank() || names.contains(f)) {
                throw new IllegalArgumentException("JsonShape.object(" + String.join(", ", fields)
                        + "): each field needs a name, once");
            }
            names.add(f);
        }
        return new JsonShape(names, Map.of(), Map.of());
    }

    /** Limits a field to these values, compared exactly: {@code .allow("urgency", "urgent", "normal")}. */
    public JsonShape allow(String field, String... values) {
        requireField(field, "allow");
        if (values.length == 0) {
            throw new IllegalArgumentException("allow(\"" + field + "\"): give at least one allowed value");
        }
        Map<String, List<String>> changed = new LinkedHashMap<>(allowed);
        changed.put(field, List.of(values));
        return new JsonShape(fields, changed, patterns);
    }

    /** Requires a field's whole value to match a regular expression: {@code .pattern("order", "\\d{5}")}. */
    public JsonShape pattern(String field, String regex) {
        requireField(field, "pattern");
        Map<String, Pattern> changed = new LinkedHashMap<>(patterns);
        changed.put(field, Pattern.compile(regex));
        return new JsonShape(fields, allowed, changed);
    }

    /** The field names, in the order given. */
    public List<String> fields() {
        return fields;
    }

    /** The allowed values of a field, or an empty list when any text is allowed. */
    public List<String> allowed(String field) {
        requireField(field, "allowed");
        return allowed.getOrDefault(field, List.of());
    }

    /**
     * Parses {@code text} (leading and trailing spaces ignored) and checks it against this shape. Never throws for a
     * bad answer: the {@link Check} says what is wrong.
     */
    public Check check(String text) {
        String answer = text == null ? "" : text.strip();
        JsonNode node;
        try {
            node = JSON.readTree(answer);
        } catch (JsonProcessingException e) {
            return Check.invalid(text, "not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("cannot parse"));
        }
        if (node == null || node.isMissingNode()) {
            return Check.invalid(text, "not JSON: the answer is empty");
        }
        if (!node.isObject()) {
            return Check.invalid(text, "not a JSON object but " + kind(node) + ": " + node);
        }
        for (String f : fields) {
            if (!node.has(f)) {
                return Check.invalid(text, "missing field \"" + f + "\"");
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                return Check.invalid(text, "unexpected field \"" + name + "\"; the fields are " + String.join(", ", fields));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (!v.isTextual()) {
                return Check.invalid(text, "\"" + f + "\" is " + kind(v) + ", not text: " + v);
            }
            String value = v.textValue();
            List<String> ok = allowed.get(f);
            if (ok != null && !ok.contains(value)) {
                return Check.invalid(text, "\"" + f + "\" is \"" + value + "\"; allowed: " + String.join(", ", ok));
            }
            Pattern p = patterns.get(f);
            if (p != null && !p.matcher(value).matches()) {
                return Check.invalid(text, "\"" + f + "\" is \"" + value + "\", which does not match " + p.pattern());
            }
            values.put(f, value);
        }
        return new Check(text, true, "", values);
    }

    /**
     * Writes the fields as one JSON object in this shape's field order: {@code {"department": "billing", "urgency":
     * "urgent", "order": "48213"}}. Code that assembles an answer from parts writes well-formed JSON every time; the
     * values are whatever it was given, so {@link #check(String) check} the result as you would a model's.
     */
    public String write(Map<String, String> values) {
        List<String> members = new ArrayList<>();
        try {
            for (String f : fields) {
                members.add(JSON.writeValueAsString(f) + ": " + JSON.writeValueAsString(values.get(f)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + values, e);
        }
        return "{" + String.join(", ", members) + "}";
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (String f : fields) {
            String rule = allowed.containsKey(f) ? " (" + String.join(" | ", allowed.get(f)) + ")"
                    : patterns.containsKey(f) ? " (" + patterns.get(f).pattern() + ")" : " (text)";
            parts.add(f + rule);
        }
        return "a JSON object with the fields " + String.join(", ", parts) + " and no others";
    }

    private void requireField(String field, String method) {
        if (!fields.contains(field)) {
            throw new IllegalArgumentException(method + "(\"" + field + "\"): the shape has no field \"" + field
                    + "\"; its fields are " + String.join(", ", fields));
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> "a number";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> "a " + node.getNodeType().name().toLowerCase();
        };
    }

    /**
     * What {@link #check(String)} found.
     *
     * @param text    the answer as given
     * @param valid   whether it is an object of this shape
     * @param problem the first thing wrong, in words, or "" when valid
     * @param fields  the field values when valid (in the shape's order), else empty
     */
    public record Check(String text, boolean valid, String problem, Map<String, String> fields) {
        public Check {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        static Check invalid(String text, String problem) {
            return new Check(text, false, problem, Map.of());
        }

        /** One field's value: {@code check.get("order")}; fails on an invalid answer, saying why. */
        public String get(String field) {
            if (!valid) {
                throw new IllegalStateException("the answer is not valid (" + problem + "), so it has no fields");
            }
            String v = fields.get(field);
            if (v == null) {
                throw new IllegalArgumentException("no field \"" + field + "\"; the fields are " + fields.keySet());
            }
            return v;
        }

        @Override
        public String toString() {
            return valid ? "valid: " + fields : "invalid: " + problem;
        }
    }
}
