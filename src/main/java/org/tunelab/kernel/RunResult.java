package org.tunelab.kernel;

import java.util.List;

/**
 * What one run of a cell produced. A student's compile error or exception is data here, never a thrown exception.
 *
 * @param status      how the run ended
 * @param stdout      the child's System.out during the run (capped, see {@code truncated})
 * @param stderr      the child's System.err during the run (capped, see {@code truncated})
 * @param value       the value of a trailing expression as JShell shows it (strings in quotes), else null
 * @param diagnostics compile errors, positions within the code sent
 * @param exception   the exception the cell threw, else null
 * @param elapsedMs   server-side time of the run, including a kernel restart if one was needed
 * @param truncated   output went past {@link KernelConfig#outputCapBytes()} and was cut
 * @param stateLost   the kernel had ended before this run, so this run started in a fresh one
 *                    without earlier definitions
 * @param message     a sentence for the student about stops, deaths, lost state or truncation, else null
 * @param displays    display specs the cell showed, in order, each the latest of its id (untrusted JSON from
 *                    the cell: the web layer validates them)
 * @param valueDisplay the display spec of the cell's value when the value can show itself, else null
 * @param heapUsedMb  the kernel JVM's heap in use after the run, in MB; -1 when unknown (the kernel died)
 * @param heapMaxMb   the kernel JVM's heap limit, in MB; -1 when unknown
 * @param notes       sentences about what the cell did to earlier declarations: redefinitions, variables reset,
 *                    declarations left waiting for something not declared yet
 */
public record RunResult(RunStatus status, String stdout, String stderr, String value, List<Diagnostic> diagnostics,
                        ExceptionInfo exception, long elapsedMs, boolean truncated, boolean stateLost, String message,
                        List<String> displays, String valueDisplay, int heapUsedMb, int heapMaxMb, List<String> notes) {
    public RunResult {
        diagnostics = List.copyOf(diagnostics);
        displays = List.copyOf(displays);
        notes = List.copyOf(notes);
    }

    /** This result with another message and stateLost flag. */
    public RunResult withMessage(boolean lost, String newMessage) {
        return new RunResult(status, stdout, stderr, value, diagnostics, exception, elapsedMs, truncated, lost,
                newMessage, displays, valueDisplay, heapUsedMb, heapMaxMb, notes);
    }

    /** This result with the kernel's heap after the run. */
    RunResult withHeap(int usedMb, int maxMb) {
        return new RunResult(status, stdout, stderr, value, diagnostics, exception, elapsedMs, truncated, stateLost,
                message, displays, valueDisplay, usedMb, maxMb, notes);
    }

    /** A run that never reached a kernel, e.g. because none could be started. */
    static RunResult failed(String message, long elapsedMs) {
        return new RunResult(RunStatus.ERROR, "", "", null, List.of(), null, elapsedMs, false, false, message,
                List.of(), null, -1, -1, List.of());
    }
}
