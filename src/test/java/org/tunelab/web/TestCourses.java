package org.tunelab.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small courses written for a test. */
final class TestCourses {
    private TestCourses() {
    }

    /**
     * {@code DIR/course}: lesson {@code intro} with one cell ({@code int x = 1;}) and exercise {@code double-it}
     * ({@code twice(int n)}, one check: {@code twice(21) == 42}).
     */
    static Path doubleIt(Path dir) throws IOException {
        Path course = dir.resolve("course");
        Files.createDirectories(course.resolve("lessons"));
        Files.writeString(course.resolve("lessons/01-intro.md"),
                "---\ntitle: Intro\nsummary: S\n---\nText\n\n```java\nint x = 1;\n```\n\n{{exercise: double-it}}\n");
        Path ex = Files.createDirectories(course.resolve("exercises/double-it"));
        Files.writeString(ex.resolve("exercise.md"), "---\ntitle: Double it\nlesson: intro\n---\nWrite `twice(int n)`.\n");
        Files.writeString(ex.resolve("Starter.jsh"), "int twice(int n) {\n    return 0;\n}\n");
        Files.writeString(ex.resolve("Solution.jsh"), "int twice(int n) { return n * 2; }\n");
        Files.writeString(ex.resolve("Check.jsh"), "// check: doubles 21\nassertEquals(42, twice(21), \"twice(21)\");\n");
        return course;
    }
}
