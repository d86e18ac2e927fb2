package org.tunelab.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A playground notebook as saved: a student's own title, summary and cells.
 *
 * @param id      short, random, unique for the student
 * @param title   shown in the list and exported as the lesson's title
 * @param summary one line; may be empty
 * @param cells   in order
 * @param created when it was made
 * @param updated when it was last saved
 */
public record Notebook(String id, String title, String summary, List<Cell> cells, Instant created, Instant updated) {

    /**
     * One cell.
     *
     * @param kind   {@code "java"} or {@code "markdown"}
     * @param mode   for Java: {@code "run"}, {@code "no-run"} or {@code "expect-error"}; for Markdown {@code "run"}
     * @param source the code or the prose
     */
    public record Cell(String kind, String mode, String source) {
        /** The kinds a cell may have. */
        public static final java.util.Set<String> KINDS = java.util.Set.of("java", "markdown");
        /** The modes a cell may have. */
        public static final java.util.Set<String> MODES = java.util.Set.of("run", "no-run", "expect-error");

        public Cell {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(source, "source");
        }
    }

    public Notebook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        cells = List.copyOf(cells);
    }

    /** A notebook's line in the list: no cells, just their count. */
    public record Entry(String id, String title, String summary, int cells, Instant updated) {
    }
}
