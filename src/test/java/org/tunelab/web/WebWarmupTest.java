package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.course.Course;
import org.tunelab.course.CourseLoader;
import org.tunelab.store.Store;

class WebWarmupTest {
    @TempDir
    Path dir;

    @Test
    void rendersTheIndexAndEveryLessonEachRoundAsANewStudentSeesThemAndStoresNothing() throws Exception {
        Path root = TestCourses.doubleIt(dir);
        Files.writeString(root.resolve("lessons/02-more.md"), "---\ntitle: More\nsummary: M\n---\n```java\nint y = 2;\n```\n");
        Files.writeString(root.resolve("lessons/03-broken.md"), "---\ntitle: Broken\nsummary B\n---\n");
        Course course = new CourseLoader(root).load();
        assertEquals(2, course.lessons().size(), "the broken lesson is a problem, not a lesson");
        try (Store store = Store.sqlite(dir.resolve("tunelab.db"))) {
            Pages pages = new Pages(() -> course, store, null, null, "test");

            assertEquals(2 * (1 + 2), WebWarmup.render(pages, new Views(), course, 2));

            String intro = new Views().render("lesson",
                    pages.lessonModel(course, course.lessons().get(0), WebWarmup.NOBODY, Map.of()), null);
            assertTrue(intro.contains("int x = 1;") && intro.contains("int twice(int n)"),
                    "the lesson's cell and its exercise's starter, as a new student sees them");
            assertTrue(store.visited(WebWarmup.NOBODY).isEmpty(), "no visit stored");
            assertTrue(store.exercises(WebWarmup.NOBODY).isEmpty(), "no progress stored");
        }
    }

    @Test
    void aPageThatCannotBeRenderedIsSkippedNotThrown() throws Exception {
        Course course = new CourseLoader(TestCourses.doubleIt(dir)).load();
        Store store = Store.sqlite(dir.resolve("tunelab.db"));
        Pages pages = new Pages(() -> course, store, null, null, "test");
        store.close(); // every read fails now, as while a server shuts down during its warm-up

        assertEquals(0, WebWarmup.render(pages, new Views(), course, 2));
    }
}
