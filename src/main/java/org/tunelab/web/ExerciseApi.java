package org.tunelab.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tunelab.course.Course;
import org.tunelab.course.Exercise;
import org.tunelab.grading.Grade;
import org.tunelab.grading.Grader;
import org.tunelab.kernel.Diagnostic;
import org.tunelab.store.ClassActivity;
import org.tunelab.store.ExerciseProgress;
import org.tunelab.store.Store;

/** The JSON API of exercises: check, hints, and the student's saved code. */
final class ExerciseApi {
    private final Supplier<Course> course;
    private final Grader grader;
    private final Store store;

    ExerciseApi(Supplier<Course> course, Grader grader, Store store) {
        this.course = course;
        this.grader = grader;
        this.store = store;
    }

    /** One check in a response; a hidden check's code never leaves the server, only its name. */
    record CheckJson(String name, boolean hidden, boolean passed, String message, long elapsedMs) {
    }

    /** The JSON shape of a check, documented in docs/API.md. */
    record CheckResponse(boolean passed, List<CheckJson> checks, List<Diagnostic> diagnostics, String message,
                         long elapsedMs, int attempts, boolean done) {
    }

    /**
     * Checks the body's {@code code} and records the attempt. With {@code ?stream=true} the answer is NDJSON: while
     * the check waits, {@code {"event": "queued", "position": 2}} lines tell its place among the checks waiting for
     * one of the server's places (1 = next) and {@code {"event": "starting"}} says a Java VM is being started for
     * it; then one {@code {"event": "result", ...}} line with the usual fields.
     */
    void check(Context ctx) throws java.io.IOException {
        Exercise exercise = exercise(ctx);
        String student = Students.of(ctx);
        String code = JsonBody.code(ctx);
        store.saveExerciseCode(student, exercise.slug(), code);
        boolean stream = "true".equals(ctx.queryParam("stream"));
        LineStream out = stream ? LineStream.open(ctx) : null;
        Grade grade = grader.check(exercise, code, out == null ? null : out::waiting, student);
        ExerciseProgress progress = store.recordCheck(student, exercise.slug(), grade.passed());
        store.activity().recordCheck(student, exercise.slug(), grade.passed(), failures(grade));
        List<CheckJson> checks = grade.checks().stream()
                .map(c -> new CheckJson(c.name(), c.hidden(), c.passed(), c.message(), c.elapsedMs()))
                .toList();
        CheckResponse response = new CheckResponse(grade.passed(), checks, grade.diagnostics(), grade.message(),
                grade.elapsedMs(), progress.attempts(), progress.passed());
        if (out == null) {
            ctx.json(response);
            return;
        }
        out.result(response);
    }

    /** What failed, for the instructor's dashboard: each failed check, or the compile error that stopped them all. */
    private static List<ClassActivity.Failure> failures(Grade grade) {
        if (!grade.diagnostics().isEmpty()) {
            return List.of(new ClassActivity.Failure("compiles", NotebookApi.compileError(grade.diagnostics().get(0))));
        }
        List<ClassActivity.Failure> out = grade.checks().stream().filter(c -> !c.passed())
                .map(c -> new ClassActivity.Failure(c.name(), c.message() == null ? "" : c.message())).toList();
        return out.isEmpty() && !grade.passed() ? List.of(new ClassActivity.Failure("runs", String.valueOf(grade.message())))
                : out;
    }

    void hint(Context ctx) {
        Exercise exercise = exercise(ctx);
        String raw = ctx.queryParam("n");
        int n;
        try {
            n = raw == null ? 1 : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("'n' must be a hint number from 1 to " + exercise.hints().size() + ".");
        }
        if (n < 1 || n > exercise.hints().size()) {
            throw new NotFoundResponse(exercise.hints().isEmpty() ? "This exercise has no hints."
                    : "Hints go from 1 to " + exercise.hints().size() + ".");
        }
        store.recordHint(Students.of(ctx), exercise.slug(), n);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("n", n);
        body.put("total", exercise.hints().size());
        body.put("hint", exercise.hints().get(n - 1));
        body.put("html", MarkdownHtml.inline(exercise.hints().get(n - 1)));
        ctx.json(body);
    }

    void saveCode(Context ctx) {
        Exercise exercise = exercise(ctx);
        store.saveExerciseCode(Students.of(ctx), exercise.slug(), JsonBody.code(ctx));
        ctx.json(Map.of("saved", exercise.slug()));
    }

    void resetCode(Context ctx) {
        Exercise exercise = exercise(ctx);
        store.saveExerciseCode(Students.of(ctx), exercise.slug(), exercise.starter());
        ctx.json(Map.of("reset", exercise.slug(), "code", exercise.starter()));
    }

    /**
     * The {@link org.tunelab.kernel.Kernels} key for completion in the path's exercise (404 if unknown). Checks run
     * in fresh kernels outside the registry, so the key has no kernel and completion answers from a fresh one.
     */
    String kernelKey(Context ctx) {
        return Students.of(ctx) + "/exercise/" + exercise(ctx).slug();
    }

    private Exercise exercise(Context ctx) {
        String slug = ctx.pathParam("slug");
        return course.get().exercise(slug).orElseThrow(() -> new NotFoundResponse("No exercise '" + slug + "'."));
    }
}
