package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * Checks the display specs a cell sends before they reach a page. A spec is untrusted JSON; the page draws it
 * with text nodes only, so the checks here are about shape: a JSON object of a known kind, of bounded size.
 * Anything else becomes a text spec saying why it was not shown.
 */
final class DisplaySpecs {
    static final Set<String> KINDS = Set.of("text", "completion", "tokens", "prompt", "table", "chart", "progress");
    private static final int MAX_CHARS = 512 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DisplaySpecs() {
    }

    /** The spec as JSON, or a text spec telling why it cannot be shown; null for null. */
    static JsonNode check(String spec) {
        if (spec == null) {
            return null;
        }
        if (spec.length() > MAX_CHARS) {
            return refused("it is " + spec.length() / 1024 + " KiB, over " + MAX_CHARS / 1024 + " KiB");
        }
        JsonNode node;
        try {
            node = JSON.readTree(spec);
        } catch (IOException e) {
            return refused("it is not JSON");
        }
        if (node == null || !node.isObject()) {
            return refused("it is not a JSON object");
        }
        String kind = node.path("kind").asText("");
        if (!KINDS.contains(kind)) {
            return refused("its kind '" + kind + "' is not one of " + KINDS);
        }
        return node;
    }

    private static ObjectNode refused(String why) {
        return JSON.createObjectNode().put("kind", "text").put("text", "(A display could not be shown: " + why + ".)");
    }
}
