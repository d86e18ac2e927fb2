package org.tunelab.course;

import java.nio.file.Path;
import java.util.List;

/**
 * One exercise folder, {@code exercises/<slug>/}. See AUTHORING.md for the format.
 *
 * @param slug     the folder name
 * @param title    front matter {@code title}
 * @param lesson   front matter {@code lesson}: the slug of the lesson it belongs to
 * @param hints    front matter {@code hints}, in the order students get them
 * @param task     the Markdown body of {@code exercise.md}
 * @param starter  {@code Starter.jsh}: the code the student starts from
 * @param solution {@code Solution.jsh}: the reference solution, never sent to the browser
 * @param setup    {@code Setup.jsh} (optional, may be empty): run before the student's code when grading
 * @param checks   from {@code Check.jsh}, in order
 * @param dir      the exercise folder
 */
public record Exercise(String slug, String title, String lesson, List<String> hints, String task, String starter,
                       String solution, String setup, List<Check> checks, Path dir) {

    public Exercise {
        hints = List.copyOf(hints);
        checks = List.copyOf(checks);
    }

    /**
     * One named check: Java statements that throw (usually through JUnit's {@code Assertions})
     * when the student's code is wrong.
     *
     * @param name   what the student sees
     * @param hidden the name shows, the code never does
     * @param code   the statements
     * @param line   1-based line of the {@code // check:} comment in {@code Check.jsh}
     */
    public record Check(String name, boolean hidden, String code, int line) {
    }
}
