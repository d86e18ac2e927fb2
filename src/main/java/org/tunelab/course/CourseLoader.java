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

/** Reads a course directory ({@code lessons/} below it) into a {@link Course}. */
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

    /** Loads every {@code *.md} under {@code lessons/}; unreadable files become problems. */
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
        return new Course(lessons, problems);
    }

    /**
     * A cheap fingerprint of the files that make up the course (names, sizes, modification
     * times); when it changes, the course must be loaded again.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (Path file : markdownFiles(lessonsDir())) {
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
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
