package org.tunelab.kernel;

import java.time.Duration;

/**
 * How {@link Kernels} shares the machine between students.
 *
 * @param concurrentRuns    runs executing at once, server-wide; others wait in a queue ({@link RunQueue})
 * @param maxQueueWait      how long a run waits in that queue before it is turned away
 * @param kernelsPerStudent kernels one student may hold (one per lesson); opening one more closes their
 *                          least recently used
 * @param runsPerMinute     runs one student may start in any minute
 */
public record Fairness(int concurrentRuns, Duration maxQueueWait, int kernelsPerStudent, int runsPerMinute) {
    public Fairness {
        if (concurrentRuns < 1 || kernelsPerStudent < 1 || runsPerMinute < 1) {
            throw new IllegalArgumentException("Fairness: limits must be at least 1, were " + concurrentRuns + ", "
                    + kernelsPerStudent + ", " + runsPerMinute);
        }
    }

    /** Runs at once = 4 per core; a minute in the queue at most; 4 kernels and 120 runs a minute per student. */
    public static Fairness defaults() {
        return new Fairness(4 * Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(1), 4, 120);
    }
}
