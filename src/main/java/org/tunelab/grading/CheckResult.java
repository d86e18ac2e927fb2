package org.tunelab.grading;

/**
 * The outcome of one check.
 *
 * @param name      the check's name, as the student sees it
 * @param hidden    the check's code is not shown to students
 * @param passed    whether it passed
 * @param message   why it failed, for the student; null when it passed
 * @param elapsedMs server-side time of the check
 */
public record CheckResult(String name, boolean hidden, boolean passed, String message, long elapsedMs) {
}
