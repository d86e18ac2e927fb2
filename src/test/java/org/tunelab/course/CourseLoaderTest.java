package org.tunelab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseLoaderTest {
    @TempDir
    Path root;

    private void write(String name, String text) throws Exception {
        Files.createDirectories(root.resolve("lessons"));
        Files.writeString(root.resolve("lessons").resolve(name), text);
    }

    @Test
    void ordersByNumberAndKeepsGoodLessonsBesideABrokenOne() throws Exception {
        write("10-last.md", "---\ntitle: Last\nsummary: S\n---\n");
        write("02-second.md", "---\ntitle: Second\nsummary: S\n---\n");
        write("03-broken.md", "---\ntitle: Broken\n");
        write("notes.txt", "ignored");
        Course course = new CourseLoader(root).load();
        assertEquals(List.of("second", "last"), course.lessons().stream().map(Lesson::slug).toList());
        assertEquals(1, course.problems().size());
        Problem p = course.problems().get(0);
        assertEquals(Path.of("lessons/03-broken.md"), p.file());
        assertTrue(course.problem("broken").isPresent());
        assertTrue(course.lesson("broken").isEmpty());
        assertEquals("last", course.next(course.lesson("second").orElseThrow()).orElseThrow().slug());
        assertTrue(course.previous(course.lesson("second").orElseThrow()).isEmpty());
    }

    @Test
    void duplicateSlugIsAProblem() throws Exception {
        write("01-intro.md", "---\ntitle: A\nsummary: S\n---\n");
        write("02-intro.md", "---\ntitle: B\nsummary: S\n---\n");
        Course course = new CourseLoader(root).load();
        assertEquals(1, course.lessons().size());
        assertTrue(course.problems().get(0).reason().contains("already used"));
    }

    @Test
    void missingLessonsDirectoryIsAnEmptyCourse() {
        Course course = new CourseLoader(root).load();
        assertTrue(course.lessons().isEmpty());
        assertTrue(course.problems().isEmpty());
    }

    @Test
    void liveCourseReloadsWhenAFileChanges() throws Exception {
        write("01-intro.md", "---\ntitle: Before\nsummary: S\n---\n");
        LiveCourse live = new LiveCourse(new CourseLoader(root), Duration.ZERO);
        Course first = live.get();
        assertEquals("Before", first.lessons().get(0).title());
        assertEquals(first, live.get(), "unchanged files give the same course");

        Path file = root.resolve("lessons/01-intro.md");
        Files.writeString(file, "---\ntitle: After, longer\nsummary: S\n---\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("After, longer", live.get().lessons().get(0).title());

        write("02-new.md", "---\ntitle: New\n");
        Course withBroken = live.get();
        assertNotEquals(first, withBroken);
        assertEquals(1, withBroken.problems().size());
    }

    @Test
    void liveCourseLooksAtTheFilesAtMostOncePerRecheckPeriod() throws Exception {
        write("01-intro.md", "---\ntitle: Before\nsummary: S\n---\n");
        LiveCourse live = new LiveCourse(new CourseLoader(root), Duration.ofMillis(500));
        Course first = live.get();
        Path file = root.resolve("lessons/01-intro.md");
        Files.writeString(file, "---\ntitle: After, longer\nsummary: S\n---\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(first, live.get(), "looked at just now: the same course");
        Thread.sleep(600);
        assertEquals("After, longer", live.get().lessons().get(0).title(), "looked again once the period passed");
    }

    @Test
    void repositoryLessonsAllLoad() {
        Course course = new CourseLoader(Path.of(".")).load();
        assertTrue(course.problems().isEmpty(), () -> "problems: " + course.problems());
        assertTrue(course.lessons().size() >= 2);
    }
}
