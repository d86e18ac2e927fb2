package org.tunelab.store;

/** A database operation failed; the message names the operation and the database (never a password). */
public final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
