package org.tunelab.play;

/**
 * A value that shows itself as a {@link Table}: a dataset, a report, a comparison. Its display is the table's.
 */
public interface Tabular extends Displayable {
    /** This value as a table. */
    Table table();

    /** The {@link #table()} as a "table" spec. */
    @Override
    default String toDisplay() {
        return table().toDisplay();
    }
}
