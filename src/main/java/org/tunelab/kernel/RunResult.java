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
 */
public record RunResult(RunStatus status, String stdout, String stderr, String value, List<Diagnostic> diagnostics,
                        ExceptionInfo exception, long elapsedMs, boolean truncated, boolean stateLost, String message) {
    public RunResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A run that never reached a kernel, e.g. because none could be started. */
    static RunResult failed(String message, long elapsedMs) {
        return new RunResult(RunStatus.ERROR, "", "", null, List.of(), null, elapsedMs, false, false, message);
    }
}
