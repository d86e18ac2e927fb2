package org.tunelab.kernel;

import java.util.List;

/**
 * What may follow the cursor in a cell, from the kernel's JShell.
 *
 * @param anchor      where in the cell the replaced text starts: a suggestion replaces the text from here to the
 *                    cursor (the part of a name already typed)
 * @param suggestions what may be typed there, each once ({@code size()}, {@code add(} for methods with parameters,
 *                    names of variables and types), at most {@link #MAX} of them
 * @param busy        true when a run held the kernel, so nothing was looked up; ask again after the run
 */
public record Completions(int anchor, List<String> suggestions, boolean busy) {
    /** The most suggestions one answer carries. */
    public static final int MAX = 100;

    public Completions {
        suggestions = List.copyOf(suggestions);
    }

    /** No suggestions: the kernel was busy with a run, or has no JShell now. */
    static Completions none(int cursor, boolean busy) {
        return new Completions(cursor, List.of(), busy);
    }
}
