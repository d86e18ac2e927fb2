package org.tunelab.kernel;

import java.util.List;

/**
 * The signatures, and Javadoc where its source is at hand, of what the cursor is on in a cell: each overload of a
 * method being called, or the variable, type or method named there.
 *
 * @param entries one per overload or element, in JShell's order
 * @param busy    true when a run held the kernel, so nothing was looked up; ask again after the run
 */
public record Documentation(List<Entry> entries, boolean busy) {

    /**
     * One element.
     *
     * @param signature e.g. {@code Model Models.tiny()}
     * @param javadoc   its Javadoc as plain text, or null when its source is not available (JDK classes without
     *                  the JDK's {@code src.zip}, classes compiled without sources)
     */
    public record Entry(String signature, String javadoc) {
    }

    public Documentation {
        entries = List.copyOf(entries);
    }

    /** Nothing: the kernel was busy with a run, or has no JShell now. */
    static Documentation none(boolean busy) {
        return new Documentation(List.of(), busy);
    }
}
