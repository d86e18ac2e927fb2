package org.tunelab.play;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with named slots, {@code {{name}}}, filled once per input: the same prompt for every review in a data set.
 * Immutable; a malformed slot fails when the template is made, a missing or unknown value when it is filled.
 *
 * <pre>{@code
 * Template t = Template.of("Review of the {{product}}: {{review}}");
 * t.slots()                                                    // [product, review]
 * t.fill(Map.of("product", "kettle", "review", "Boils fast."))  // "Review of the kettle: Boils fast."
 * Template.of("Classify: {{review}}").fill("review", "I love it.")
 * }</pre>
 */
public final class Template {
    private static final Pattern SLOT = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final String text;
    private final List<String> pieces; // literal text and slot names, alternating: text, slot, text, slot, ..., text
    private final Set<String> slots;

    private Template(String text) {
        this.text = text;
        List<String> parts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher m = SLOT.matcher(text);
        int at = 0;
        while (m.find()) {
            parts.add(checkedLiteral(text, at, m.start()));
            parts.add(m.group(1));
            names.add(m.group(1));
            at = m.end();
        }
        parts.add(checkedLiteral(text, at, text.length()));
        this.pieces = List.copyOf(parts);
        this.slots = Collections.unmodifiableSet(names);
    }

    /**
     * A template; slots are {@code {{name}}} with a name of letters, digits and underscores.
     *
     * @throws IllegalArgumentException if a {@code {{} does not open a well-formed slot, saying where
     */
    public static Template of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Template.of(null): give the template text, e.g. \"Classify: {{review}}\"");
        }
        return new Template(text);
    }

    /** The slot names, in the order they first appear. */
    public Set<String> slots() {
        return slots;
    }

    /**
     * The text with every slot replaced by its value ({@code String.valueOf}).
     *
     * @throws IllegalArgumentException naming the slot that has no value, or a value that matches no slot
     */
    public String fill(Map<String, ?> values) {
        for (String name : values.keySet()) {
            if (!slots.contains(name)) {
                throw new IllegalArgumentException("Template " + quoted() + " has no slot {{" + name + "}}; its slots are "
                        + describe(slots) + ".");
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i % 2 == 0) {
                out.append(pieces.get(i));
                continue;
            }
            String name = pieces.get(i);
            Object value = values.get(name);
            if (value == null) {
                List<String> missing = new ArrayList<>();
                for (String slot : slots) {
                    if (values.get(slot) == null) {
                        missing.add(slot);
                    }
                }
                throw new IllegalArgumentException("Template " + quoted() + ": no value for " + describe(missing)
                        + "; fill it with fill(Map.of(\"" + missing.get(0) + "\", ...)).");
            }
            out.append(value);
        }
        return out.toString();
    }

    /** Fills a template's one slot: {@code Template.of("Classify: {{review}}").fill("review", text)}. */
    public String fill(String slot, Object value) {
        Map<String, Object> one = new HashMap<>();
        one.put(slot, value);
        return fill(one);
    }

    /** The template text, slots and all. */
    public String text() {
        return text;
    }

    /** The template text, slots and all. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Template t && t.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private String quoted() {
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }

    private static String describe(Collection<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            shown.add("{{" + n + "}}");
        }
        return String.join(", ", shown);
    }

    /** Literal text between slots must not contain a stray "{{" (a slot with a typo would vanish silently). */
    private static String checkedLiteral(String text, int from, int to) {
        int bad = text.indexOf("{{", from);
        if (bad >= 0 && bad < to) {
            int end = text.indexOf("}}", bad);
            String slot = end < 0 ? text.substring(bad, Math.min(text.length(), bad + 20)) : text.substring(bad, end + 2);
            throw new IllegalArgumentException("Template: '" + slot + "' at character " + bad
                    + " is not a slot; write slots as {{name}} with letters, digits or _ in the name.");
        }
        return text.substring(from, to);
    }
}
