package org.tunelab.play;

import java.util.Objects;

/**
 * A question with a known answer in a {@link KnowledgeBase}: the id of the passage that answers it and, where the
 * answer is a short string (an order number), that string; otherwise {@code answer} is null.
 * <pre>{@code new Question("Can I send back a toaster?", "returns", null)}</pre>
 */
public record Question(String text, String passageId, String answer) {
    public Question {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(passageId, "passageId");
    }

    @Override
    public String toString() {
        return text + " -> " + passageId + (answer == null ? "" : " (" + answer + ")");
    }
}
