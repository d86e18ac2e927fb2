package org.tunelab.kernel;

/** How a run ended. */
public enum RunStatus {
    /** Every snippet of the cell ran. */
    OK,
    /** A compile error, an exception, a stop on request or an output flood; see the result's details. */
    ERROR,
    /** The run took longer than {@link KernelConfig#runTimeout()} and was stopped. */
    TIMEOUT,
    /** The kernel's JVM ended during the run (System.exit, Runtime.halt, killed, crashed). */
    DIED
}
