package org.tunelab.kernel;

/**
 * Receives a run's output as it arrives, for streaming to the browser. Called with {@code "stdout"} or
 * {@code "stderr"} and a piece of text, or with {@code "display"} and one whole display spec (untrusted JSON
 * from the cell; a spec whose id was shown before replaces it), from a kernel's I/O thread, one call at a time per kernel; it must be
 * quick and must not call back into the kernel. Output past the cap is not delivered.
 */
@FunctionalInterface
public interface OutputListener {
    void output(String stream, String text);
}
