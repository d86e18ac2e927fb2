package org.tunelab.kernel;

/** A kernel could not be started or used; the message says which step failed and why. */
public final class KernelException extends RuntimeException {
    public KernelException(String message) {
        super(message);
    }

    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }
}
