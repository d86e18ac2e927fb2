package org.tunelab.course;

import java.util.function.Supplier;

/**
 * The course as of now: reloads from disk when a lesson file was added, changed or removed, so
 * authors see their edits on the next page load without restarting the server.
 */
public final class LiveCourse implements Supplier<Course> {
    private final CourseLoader loader;
    private String fingerprint;
    private Course course;

    public LiveCourse(CourseLoader loader) {
        this.loader = loader;
    }

    /** The current course; cheap when nothing changed (one directory listing). */
    @Override
    public synchronized Course get() {
        String now = loader.fingerprint();
        if (course == null || !now.equals(fingerprint)) {
            course = loader.load();
            fingerprint = now;
        }
        return course;
    }
}
