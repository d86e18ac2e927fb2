package org.tunelab.course;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The course as of now: reloads from disk when a lesson file was added, changed or removed, so authors see their
 * edits on their next page load without restarting the server. The files are looked at once a second at most:
 * looking costs a stat of every lesson and exercise file (1.7 ms for this course's 140), and every request asks.
 */
public final class LiveCourse implements Supplier<Course> {
    /** How long a look at the files holds by default. */
    public static final Duration RECHECK = Duration.ofSeconds(1);

    private final CourseLoader loader;
    private final long recheckNanos;
    private String fingerprint;
    private Course course;
    private long checkedAt;

    /** Looks at the files again at most every {@link #RECHECK}. */
    public LiveCourse(CourseLoader loader) {
        this(loader, RECHECK);
    }

    /** Looks at the files again when {@code recheck} has passed since the last look (zero: on every call). */
    public LiveCourse(CourseLoader loader, Duration recheck) {
        this.loader = loader;
        this.recheckNanos = recheck.toNanos();
    }

    /** The current course; cheap when nothing changed (one look at the files, at most every recheck period). */
    @Override
    public synchronized Course get() {
        long now = System.nanoTime();
        if (course != null && now - checkedAt < recheckNanos) {
            return course;
        }
        String current = loader.fingerprint();
        if (course == null || !current.equals(fingerprint)) {
            course = loader.load();
            fingerprint = current;
        }
        checkedAt = now;
        return course;
    }
}
