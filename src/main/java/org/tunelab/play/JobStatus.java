package org.tunelab.play;

/** Where a fine-tuning {@link Job} is in its life. */
public enum JobStatus {
    /** Waiting for a training slot on the server. */
    QUEUED,
    /** Training. */
    RUNNING,
    /** Done: {@link Job#await()} returns the model. */
    SUCCEEDED,
    /** Stopped by an error; {@link Job#events()} says which. */
    FAILED,
    /** Stopped by {@link Job#cancel()}. */
    CANCELLED;

    /** Whether the job has ended (succeeded, failed or cancelled). */
    public boolean done() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
