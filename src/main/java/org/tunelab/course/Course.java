package org.tunelab.course;

import java.util.List;
import java.util.Optional;

/**
 * Everything loaded from a course directory: the lessons that parsed, in order, and the
 * problems of the files that did not. A broken file never hides the others.
 *
 * @param lessons  by number, then slug
 * @param problems one per file that failed to load
 */
public record Course(List<Lesson> lessons, List<Problem> problems) {

    public Course {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    public Optional<Lesson> lesson(String slug) {
        return lessons.stream().filter(l -> l.slug().equals(slug)).findFirst();
    }

    /** The problem of the lesson file with this slug, if that file failed to load. */
    public Optional<Problem> problem(String slug) {
        return problems.stream()
                .filter(p -> LessonParser.slugOf(p.file().getFileName().toString()).map(slug::equals).orElse(false))
                .findFirst();
    }

    public Optional<Lesson> previous(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i > 0 ? Optional.of(lessons.get(i - 1)) : Optional.empty();
    }

    public Optional<Lesson> next(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i >= 0 && i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1)) : Optional.empty();
    }
}
