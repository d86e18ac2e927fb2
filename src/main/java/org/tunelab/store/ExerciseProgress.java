package org.tunelab.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One student's standing on one exercise.
 *
 * @param exercise      the exercise id
 * @param attempts      how many times the student ran the checks
 * @param firstPassedAt when the checks first passed, or {@code null} if they never have
 * @param hintsShown    how many hints the student has revealed (the highest number ever shown)
 */
public record ExerciseProgress(String exercise, int attempts, Instant firstPassedAt, int hintsShown) {

    public ExerciseProgress {
        Objects.requireNonNull(exercise, "exercise");
        if (attempts < 0) throw new IllegalArgumentException("attempts must be >= 0, got " + attempts);
        if (hintsShown < 0) throw new IllegalArgumentException("hintsShown must be >= 0, got " + hintsShown);
    }

    public boolean passed() {
        return firstPassedAt != null;
    }
}
