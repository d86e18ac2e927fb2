package org.tunelab.play;

/** One result of a {@link Search}: the passage, its rank (1 is best) and the score it was ranked by. */
public record Hit(Passage passage, int rank, double score) {
    /** The passage's id. */
    public String id() {
        return passage.id();
    }

    /** The passage's text. */
    public String text() {
        return passage.text();
    }

    @Override
    public String toString() {
        return rank + ". " + passage.id() + String.format(" (%.3f)", score);
    }
}
