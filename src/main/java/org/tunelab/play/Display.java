package org.tunelab.play;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Shows values richly in the notebook, and builds the display specs that do it.
 *
 * <p>A spec is a JSON object; its {@code "kind"} says how the page draws it:
 * <ul>
 *   <li>{@code text}: {@code text}</li>
 *   <li>{@code completion}: {@code model, text, promptTokens, completionTokens, finishReason, latencyMs}</li>
 *   <li>{@code tokens}: {@code encoding, tokens: [{id, text}]}</li>
 *   <li>{@code prompt}: {@code parts: [{label, text}], tokens, encoding}</li>
 *   <li>{@code table}: {@code title, columns: [name], rows: [[cell]]}</li>
 *   <li>{@code chart}: {@code chart: "line"|"bar", title, x: {label, values}, y: {label}, series: [{name, values}]}</li>
 *   <li>{@code progress}: {@code label, value, max}</li>
 * </ul>
 * Any spec may carry an {@code id}: a later spec with the same id replaces the earlier one in place (a
 * progress bar that advances, a loss chart that grows).
 *
 * <p>Inside a kernel, specs travel to the page on a channel of their own; outside one (a plain JVM, a test),
 * {@link #show} prints the value's text instead.
 */
public final class Display {
    /** Where the kernel's agent puts its display channel, a {@code BiConsumer<String, String>} of (id, spec). */
    public static final String HOOK = "org.tunelab.display";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Display() {
    }

    /**
     * Shows {@code value} below the cell now, while the cell goes on: richly if it is {@link Displayable},
     * else as text.
     */
    public static void show(Object value) {
        update(null, value);
    }

    /**
     * Shows {@code value} under an id: the first time like {@link #show}, later in the place of what was shown
     * under the same id (a progress bar, a growing chart). Outside a kernel, prints the value's text.
     */
    public static void update(String id, Object value) {
        BiConsumer<String, String> channel = channel();
        if (channel == null) {
            System.out.println(value);
            return;
        }
        channel.accept(id, value instanceof Displayable d ? d.toDisplay() : spec("text").put("text", String.valueOf(value)).json());
    }

    /** Whether specs reach a page (true inside a kernel). */
    public static boolean rich() {
        return channel() != null;
    }

    /** A new spec of the given kind, to fill with {@link Spec#put}. */
    public static Spec spec(String kind) {
        return new Spec(kind);
    }

    @SuppressWarnings("unchecked")
    private static BiConsumer<String, String> channel() {
        Object hook = System.getProperties().get(HOOK);
        return hook instanceof BiConsumer<?, ?> c ? (BiConsumer<String, String>) c : null;
    }

    /** A display spec under construction: a JSON object with a kind. */
    public static final class Spec {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Spec(String kind) {
            fields.put("kind", kind);
        }

        /** Sets a field; values are strings, numbers, booleans, lists, maps, records or null. */
        public Spec put(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        /** The spec as JSON. */
        public String json() {
            try {
                return JSON.writeValueAsString(fields);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("display spec " + fields.get("kind") + " is not JSON: " + e.getOriginalMessage(), e);
            }
        }

        @Override
        public String toString() {
            return json();
        }
    }
}
