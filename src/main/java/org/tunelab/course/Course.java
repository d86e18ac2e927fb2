package org.tunelab.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything loaded from a course directory: the lessons and exercises that parsed, in order, and
 * the problems of the files that did not. A broken file never hides the others.
 *
 * @param lessons   by number, then slug
 * @param exercises by slug
 * @param problems  one per file that failed to load, or reference that leads nowhere
 */
public record Course(List<Lesson> lessons, List<Exercise> exercises, List<Problem> problems) {

    public Course {
        lessons = List.copyOf(lessons);
        exercises = List.copyOf(exercises);
        problems = List.copyOf(problems);
    }

    public Optional<Lesson> lesson(String slug) {
        return lessons.stream().filter(l -> l.slug().equals(slug)).findFirst();
    }

    public Optional<Exercise> exercise(String slug) {
        return exercises.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    /** The exercises that belong to a lesson (front matter {@code lesson}). */
    public List<Exercise> exercisesOf(String lessonSlug) {
        return exercises.stream().filter(e -> e.lesson().equals(lessonSlug)).toList();
    }

    /** The problem of the lesson file with this slug, if that file failed to load. */
    public Optional<Problem> problem(String slug) {
        return problems.stream()
                .filter(p -> p.file().getNameCount() == 2 && p.file().getName(0).toString().equals("lessons"))
                .filter(p -> LessonParser.slugOf(p.file().getFileName().toString()).map(slug::equals).orElse(false))
                .findFirst();
    }

    /** The problem of the exercise folder with this slug, if it failed to load. */
    public Optional<Problem> exerciseProblem(String slug) {
        Path dir = Path.of("exercises", slug);
        return problems.stream().filter(p -> p.file().startsWith(dir)).findFirst();
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
