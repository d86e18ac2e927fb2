package org.tunelab.play;

/**
 * A call to the server's real LLM failed: none is configured, the upstream server answered with an error,
 * took too long, or this student sent too many requests. The message says which, in words.
 */
public final class RemoteModelException extends RuntimeException {
    public RemoteModelException(String message) {
        super(message);
    }

    public RemoteModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
