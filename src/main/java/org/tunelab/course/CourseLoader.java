package org.tunelab.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a course directory ({@code lessons/} and {@code exercises/} below it) into a {@link Course}. */
public final class CourseLoader {
    private final Path root;

    /** @param root the directory holding {@code lessons/} */
    public CourseLoader(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path lessonsDir() {
        return root.resolve("lessons");
    }

    public Path exercisesDir() {
        return root.resolve("exercises");
    }

    /**
     * Loads every {@code *.md} under {@code lessons/} and every folder under {@code exercises/};
     * files that cannot be loaded become problems.
     */
    public Course load() {
        List<Lesson> lessons = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Path> slugs = new HashMap<>();
        for (Path file : markdownFiles(lessonsDir())) {
            Path shown = root.relativize(file);
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Lesson lesson = LessonParser.parse(shown, text);
                Path clash = slugs.putIfAbsent(lesson.slug(), shown);
                if (clash != null) {
                    problems.add(new Problem(shown, 0, "slug '" + lesson.slug() + "' is already used by " + clash));
                    continue;
                }
                lessons.add(lesson);
            } catch (CourseException e) {
                problems.add(e.problem());
            } catch (CharacterCodingException e) {
                problems.add(new Problem(shown, 0, "not valid UTF-8 text"));
            } catch (IOException e) {
                problems.add(new Problem(shown, 0, "cannot read: " + e.getMessage()));
            }
        }
        lessons.sort(Comparator.comparingInt(Lesson::number).thenComparing(Lesson::slug));
        List<Exercise> exercises = new ArrayList<>();
        for (Path dir : children(exercisesDir(), Files::isDirectory)) {
            try {
                exercises.add(ExerciseParser.parse(dir, root.relativize(dir)));
            } catch (CourseException e) {
                problems.add(e.problem());
            }
        }
        return new Course(lessons, exercises, problems);
    }

    /**
     * A cheap fingerprint of the files that make up the course (names, sizes, modification
     * times); when it changes, the course must be loaded again.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        List<Path> files = new ArrayList<>(markdownFiles(lessonsDir()));
        for (Path dir : children(exercisesDir(), Files::isDirectory)) {
            files.add(dir);
            files.addAll(children(dir, Files::isRegularFile));
        }
        for (Path file : files) {
            try {
                sb.append(file).append('|').append(Files.size(file)).append('|')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            } catch (IOException e) {
                sb.append(file).append("|gone\n");
            }
        }
        return sb.toString();
    }

    private static List<Path> markdownFiles(Path dir) {
        return children(dir, p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p));
    }

    private static List<Path> children(Path dir, java.util.function.Predicate<Path> filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
