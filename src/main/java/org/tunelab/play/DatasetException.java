package org.tunelab.play;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A dataset file has errors. The message lists the first few with their lines; {@link #check()} has them all.
 *
 * <pre>{@code
 * try { Dataset.load(Path.of("tickets.jsonl")); } catch (DatasetException e) { e.check() }
 * }</pre>
 */
public final class DatasetException extends IllegalArgumentException {
    /** How many errors the message lists. */
    static final int LISTED = 5;

    private final transient DataCheck check;

    DatasetException(DataCheck check) {
        super(message(check));
        this.check = check;
    }

    /** The full check report: every error and warning, and the valid examples. */
    public DataCheck check() {
        return check;
    }

    private static String message(DataCheck check) {
        List<DataCheck.Issue> errors = check.errors();
        String listed = errors.stream().limit(LISTED).map(i -> "  " + check.source() + ":" + (i.line() == 0 ? "" : i.line() + ":") + " " + i.kind() + ": " + i.message())
                .collect(Collectors.joining("\n"));
        String more = errors.size() > LISTED ? "\n  ... and " + (errors.size() - LISTED) + " more" : "";
        return check.source() + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n" + listed + more
                + "\nDataset.check(...) lists every issue; Dataset.check(...).valid() keeps the lines without errors.";
    }
}
