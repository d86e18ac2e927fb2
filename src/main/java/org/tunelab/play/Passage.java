package org.tunelab.play;

import java.util.Objects;

/**
 * One entry of a {@link KnowledgeBase}: an id to cite it by, a kind ("policy", "product", "order", or any word),
 * and its text. <pre>{@code new Passage("returns", "policy", "Unused items can be returned within 30 days.")}</pre>
 */
public record Passage(String id, String kind, String text) {
    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a passage needs an id to cite it by, e.g. \"returns\"");
        }
    }

    @Override
    public String toString() {
        return id + ": " + text;
    }
}
