package org.tunelab.kernel;

/** A compile error, at a 1-based line and column within the code that was sent to {@link Kernel#run}. */
public record Diagnostic(int line, int column, String message) {
}
