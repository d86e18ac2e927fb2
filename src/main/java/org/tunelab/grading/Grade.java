package org.tunelab.grading;

import java.util.List;
import org.tunelab.kernel.Diagnostic;

/**
 * The outcome of checking a student's code against an exercise.
 *
 * @param passed      every check passed
 * @param checks      one result per check, in the exercise's order
 * @param diagnostics compile errors in the student's code, 1-based lines within it; empty if it compiled
 * @param message     a sentence about the whole attempt (e.g. why no check could run), or null
 * @param elapsedMs   server-side time of the whole grading
 */
public record Grade(boolean passed, List<CheckResult> checks, List<Diagnostic> diagnostics, String message,
                    long elapsedMs) {

    public Grade {
        checks = List.copyOf(checks);
        diagnostics = List.copyOf(diagnostics);
    }

    public long passedCount() {
        return checks.stream().filter(CheckResult::passed).count();
    }
}
