package org.tunelab.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.tunelab.course.Course;
import org.tunelab.course.Lesson;
import org.tunelab.kernel.Diagnostic;
import org.tunelab.kernel.RunResult;
import org.tunelab.kernel.RunStatus;
import org.tunelab.store.Store;

/** The JSON API behind a lesson's cells: run, restart, stop (in the student's kernel for the lesson), saved edits. */
final class NotebookApi {
    private final Supplier<Course> course;
    private final KernelApi kernel;
    private final Store store;

    NotebookApi(Supplier<Course> course, KernelApi kernel, Store store) {
        this.course = course;
        this.kernel = kernel;
        this.store = store;
    }

    /** Runs a cell; see {@link KernelApi#run} for the streamed form. */
    void run(Context ctx) throws java.io.IOException {
        Lesson lesson = lesson(ctx);
        RunResult result = kernel.run(ctx, kernelKey(ctx, lesson));
        // after the answer is sent; a class member's run feeds their instructor's dashboard
        store.activity().recordRun(Students.of(ctx), lesson.slug(), result.status() == RunStatus.OK,
                result.diagnostics().isEmpty() ? null : compileError(result.diagnostics().get(0)));
    }

    /** A compile error as the dashboard groups it: its first two lines (what, and which symbol), spaces collapsed. */
    static String compileError(Diagnostic d) {
        String[] lines = d.message().strip().split("\\R");
        String text = lines.length > 1 ? lines[0] + " (" + lines[1].strip() + ")" : lines[0];
        return text.replaceAll("\\s+", " ");
    }

    void restart(Context ctx) {
        kernel.restart(ctx, kernelKey(ctx, lesson(ctx)));
    }

    void stop(Context ctx) {
        kernel.stop(ctx, kernelKey(ctx, lesson(ctx)));
    }

    void variables(Context ctx) {
        kernel.variables(ctx, kernelKey(ctx, lesson(ctx)));
    }

    void saveCell(Context ctx) {
        Lesson lesson = lesson(ctx);
        String cellId = cellId(ctx, lesson);
        store.saveCell(Students.of(ctx), lesson.slug(), cellId, JsonBody.code(ctx));
        ctx.json(Map.of("saved", cellId));
    }

    void resetCell(Context ctx) {
        Lesson lesson = lesson(ctx);
        String cellId = cellId(ctx, lesson);
        store.resetCell(Students.of(ctx), lesson.slug(), cellId);
        ctx.json(Map.of("reset", cellId, "code", lesson.cell(cellId).orElseThrow().code()));
    }

    private Lesson lesson(Context ctx) {
        String slug = ctx.pathParam("slug");
        return course.get().lesson(slug).orElseThrow(() -> new NotFoundResponse("No lesson '" + slug + "'."));
    }

    private static String cellId(Context ctx, Lesson lesson) {
        String id = ctx.pathParam("cell");
        if (lesson.cell(id).filter(c -> c.mode().runnable()).isEmpty()) {
            throw new NotFoundResponse("Lesson '" + lesson.slug() + "' has no editable cell '" + id + "'.");
        }
        return id;
    }

    /** The {@link org.tunelab.kernel.Kernels} key of the student's kernel for the path's lesson; 404 for an unknown lesson. */
    String kernelKey(Context ctx) {
        return kernelKey(ctx, lesson(ctx));
    }

    /** The student's kernel for a lesson. */
    static String kernelKey(Context ctx, Lesson lesson) {
        return Students.of(ctx) + "/lesson/" + lesson.slug();
    }
}
