package org.tunelab.course;

/** Thrown by the parsers for one bad file; carries the {@link Problem}. */
public final class CourseException extends Exception {
    private final Problem problem;

    public CourseException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
