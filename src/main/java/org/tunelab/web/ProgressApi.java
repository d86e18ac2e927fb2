package org.tunelab.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tunelab.course.Course;
import org.tunelab.course.Exercise;
import org.tunelab.store.ExerciseProgress;
import org.tunelab.store.Store;

/** A student's progress as JSON, and as a file to export and import. */
final class ProgressApi {
    private final Supplier<Course> course;
    private final Store store;

    ProgressApi(Supplier<Course> course, Store store) {
        this.course = course;
        this.store = store;
    }

    record ExerciseJson(String slug, String title, boolean passed, int attempts, int hintsShown) {
    }

    record LessonJson(String slug, String title, boolean visited, int exercisesPassed, List<ExerciseJson> exercises) {
    }

    record ProgressJson(int lessons, int lessonsVisited, int exercises, int exercisesPassed, List<LessonJson> byLesson) {
    }

    void progress(Context ctx) {
        Course c = course.get();
        String student = Students.of(ctx);
        Set<String> visited = store.visited(student);
        Map<String, ExerciseProgress> done = store.exercises(student);
        List<LessonJson> lessons = c.lessons().stream().map(l -> {
            List<ExerciseJson> exercises = c.exercisesOf(l.slug()).stream().map(e -> exercise(e, done.get(e.slug()))).toList();
            return new LessonJson(l.slug(), l.title(), visited.contains(l.slug()),
                    (int) exercises.stream().filter(ExerciseJson::passed).count(), exercises);
        }).toList();
        ctx.json(new ProgressJson(lessons.size(), (int) lessons.stream().filter(LessonJson::visited).count(),
                lessons.stream().mapToInt(l -> l.exercises().size()).sum(),
                lessons.stream().mapToInt(LessonJson::exercisesPassed).sum(), lessons));
    }

    void export(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"tunelab-progress.json\"");
        ctx.contentType("application/json").result(store.exportJson(Students.of(ctx)));
    }

    void importProgress(Context ctx) {
        if (ctx.contentLength() > 4 * JsonBody.MAX_BYTES) {
            throw new io.javalin.http.HttpResponseException(413, "A progress file is at most 1 MiB.", Map.of());
        }
        String json = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        try {
            store.importJson(Students.of(ctx), json);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Not a TuneLab progress file: " + e.getMessage());
        }
        ctx.json(Map.of("imported", true));
    }

    private static ExerciseJson exercise(Exercise e, ExerciseProgress p) {
        return p == null ? new ExerciseJson(e.slug(), e.title(), false, 0, 0)
                : new ExerciseJson(e.slug(), e.title(), p.passed(), p.attempts(), p.hintsShown());
    }
}
