package org.tunelab.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.tunelab.course.Course;
import org.tunelab.course.Exercise;
import org.tunelab.course.Lesson;
import org.tunelab.course.Problem;
import org.tunelab.grading.Grader;
import org.tunelab.kernel.Kernels;
import org.tunelab.store.ExerciseProgress;
import org.tunelab.store.Store;

/** The HTML pages: the course index and a lesson. */
final class Pages {
    private final Supplier<Course> course;
    private final Store store;
    private final Kernels kernels;
    private final Grader grader;
    private final String mode;

    /**
     * @param kernels told when a student opens a lesson, so that its kernel starts while they read
     * @param grader  told when that lesson has an exercise, so that a kernel for their first check starts too
     * @param mode    one line for the footer saying how student code is run (e.g. unsandboxed, local only)
     */
    Pages(Supplier<Course> course, Store store, Kernels kernels, Grader grader, String mode) {
        this.course = course;
        this.store = store;
        this.kernels = kernels;
        this.grader = grader;
        this.mode = mode;
    }

    /** An index row: a lesson, or a lesson file that failed to load. */
    record Entry(String slug, String number, String title, String summary, boolean visited, int exercises,
                 int exercisesDone, Problem problem) {
    }

    void index(Context ctx) {
        Map<String, Object> model = indexModel(course.get(), Students.of(ctx));
        model.put("signedIn", ctx.queryParam("signedIn") != null);
        ctx.render("index", model);
    }

    /** The course index's model for {@code student}, with their progress; reads, writes nothing. */
    Map<String, Object> indexModel(Course c, String student) {
        Map<String, Object> model = base("TuneLab");
        Set<String> visited = store.visited(student);
        Map<String, ExerciseProgress> progress = store.exercises(student);
        List<Entry> entries = new java.util.ArrayList<>();
        int exercises = 0;
        int exercisesDone = 0;
        for (Lesson l : c.lessons()) {
            List<Exercise> own = c.exercisesOf(l.slug());
            int done = (int) own.stream().filter(e -> progress.containsKey(e.slug()) && progress.get(e.slug()).passed()).count();
            exercises += own.size();
            exercisesDone += done;
            entries.add(new Entry(l.slug(), String.format("%02d", l.number()), l.title(), l.summary(),
                    visited.contains(l.slug()), own.size(), done, null));
        }
        for (Problem p : c.problems()) {
            if (p.file().startsWith("lessons")) {
                entries.add(new Entry(null, "!", p.file().getFileName().toString(), p.toString(), false, 0, 0, p));
            }
        }
        model.put("signedIn", false);
        model.put("exerciseCount", exercises);
        model.put("exercisesDone", exercisesDone);
        long done = c.lessons().stream().filter(l -> visited.contains(l.slug())).count();
        model.put("entries", entries);
        model.put("visitedCount", done);
        model.put("lessonCount", c.lessons().size());
        int steps = c.lessons().size() + exercises;
        model.put("percent", steps == 0 ? 0 : Math.round(100.0 * (done + exercisesDone) / steps));
        return model;
    }

    void lesson(Context ctx) {
        String slug = ctx.pathParam("slug");
        Course c = course.get();
        Optional<Lesson> found = c.lesson(slug);
        if (found.isEmpty()) {
            Optional<Problem> problem = c.problem(slug);
            if (problem.isPresent()) {
                Map<String, Object> model = base("Lesson cannot be shown");
                model.put("problem", problem.get());
                ctx.status(500).render("broken", model);
                return;
            }
            throw new NotFoundResponse("No lesson '" + slug + "'.");
        }
        Lesson lesson = found.get();
        String student = Students.of(ctx);
        store.markVisited(student, slug);
        Map<String, ExerciseProgress> progress = store.exercises(student);
        ctx.render("lesson", lessonModel(c, lesson, student, progress));
        // Kernels start while the student reads, as a notebook's does when it opens (Kernels.expect).
        if (!lesson.cells().isEmpty()) {
            kernels.expect(NotebookApi.kernelKey(ctx, lesson));
        }
        if (c.exercises().stream().anyMatch(e -> e.lesson().equals(slug)
                && !(progress.containsKey(e.slug()) && progress.get(e.slug()).passed()))) {
            grader.expect(student);
        }
    }

    /** A lesson page's model for {@code student}, with their saved edits and {@code progress}; reads, writes nothing. */
    Map<String, Object> lessonModel(Course c, Lesson lesson, String student, Map<String, ExerciseProgress> progress) {
        LessonHtml.Rendered rendered = LessonHtml.render(lesson, store.cells(student, lesson.slug()),
                ex -> ExerciseHtml.render(c, ex, store.exerciseCode(student, ex), Optional.ofNullable(progress.get(ex))));
        Map<String, Object> model = base(lesson.title() + " · TuneLab");
        model.put("lesson", lesson);
        model.put("body", rendered.html());
        model.put("toc", rendered.toc());
        model.put("previous", c.previous(lesson).orElse(null));
        model.put("next", c.next(lesson).orElse(null));
        model.put("position", c.lessons().indexOf(lesson) + 1);
        model.put("lessonCount", c.lessons().size());
        return model;
    }

    /** The playground: the student's notebooks, newest first, with buttons to make or import one. */
    void playground(Context ctx) {
        Map<String, Object> model = base("Playground · TuneLab");
        model.put("notebooks", store.notebooks().list(Students.of(ctx)));
        ctx.render("playground", model);
    }

    /** One notebook; its cells are loaded by the page's script from the JSON API. */
    void notebook(Context ctx) {
        String id = ctx.pathParam("id");
        var notebook = store.notebooks().get(Students.of(ctx), id)
                .orElseThrow(() -> new NotFoundResponse("You have no notebook '" + id + "'. It may have been deleted,"
                        + " or it was made in another browser (notebooks belong to the browser's student cookie)."));
        Map<String, Object> model = base(notebook.title() + " · Playground · TuneLab");
        model.put("notebook", notebook);
        ctx.render("notebook", model);
        kernels.expect(PlaygroundApi.kernelKey(ctx)); // as for a lesson: its kernel starts while the student reads
    }

    void notFound(Context ctx, String message) {
        Map<String, Object> model = base("Not found · TuneLab");
        model.put("message", message);
        ctx.status(404).render("notfound", model);
    }

    private Map<String, Object> base(String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("mode", mode);
        return model;
    }
}
