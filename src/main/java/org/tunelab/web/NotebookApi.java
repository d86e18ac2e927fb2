package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tunelab.course.Course;
import org.tunelab.course.Lesson;
import org.tunelab.kernel.Diagnostic;
import org.tunelab.kernel.ExceptionInfo;
import org.tunelab.kernel.Kernels;
import org.tunelab.kernel.RunResult;
import org.tunelab.store.Store;

/** The JSON API behind a lesson's cells: run, restart, stop, and saved edits. */
final class NotebookApi {
    private final Supplier<Course> course;
    private final Kernels kernels;
    private final Store store;

    NotebookApi(Supplier<Course> course, Kernels kernels, Store store) {
        this.course = course;
        this.kernels = kernels;
        this.store = store;
    }

    /** The JSON shape of a run, documented in docs/API.md. */
    record RunResponse(String status, String stdout, String stderr, String value, List<Diagnostic> diagnostics,
                       ExceptionInfo exception, long elapsedMs, boolean truncated, boolean stateLost, String message,
                       List<JsonNode> displays, JsonNode valueDisplay, int heapUsedMb, int heapMaxMb,
                       List<String> notes) {
        static RunResponse of(RunResult r) {
            return new RunResponse(r.status().name().toLowerCase(), r.stdout(), r.stderr(), r.value(),
                    r.diagnostics(), r.exception(), r.elapsedMs(), r.truncated(), r.stateLost(), r.message(),
                    r.displays().stream().map(DisplaySpecs::check).toList(), DisplaySpecs.check(r.valueDisplay()),
                    r.heapUsedMb(), r.heapMaxMb(), r.notes());
        }
    }

    /**
     * Runs a cell. With {@code ?stream=true} the answer is NDJSON: one {@code {"event": "output",
     * "stream": "stdout", "text": "..."}} line per piece of output as the cell prints it, a {@code {"event":
     * "display", "spec": {...}}} line per display it shows (a spec whose id was shown replaces it), then one
     * {@code {"event": "result", ...}} line with the usual result fields. While the run waits for one of the
     * server's run slots, {@code {"event": "queued", "position": 2}} lines tell its place (1 = next).
     */
    void run(Context ctx) throws java.io.IOException {
        Lesson lesson = lesson(ctx);
        String code = JsonBody.code(ctx);
        String key = kernelKey(ctx, lesson);
        if (!"true".equals(ctx.queryParam("stream"))) {
            ctx.json(RunResponse.of(kernels.run(key, code)));
            return;
        }
        ctx.res().setContentType("application/x-ndjson; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        LineStream out = new LineStream(ctx.res().getOutputStream());
        RunResult result = kernels.run(key, code,
                (stream, text) -> out.send("display".equals(stream)
                        ? Map.of("event", "display", "spec", DisplaySpecs.check(text))
                        : Map.of("event", "output", "stream", stream, "text", text)),
                place -> out.send(Map.of("event", "queued", "position", place)));
        RunResponse r = RunResponse.of(result);
        Map<String, Object> last = new java.util.LinkedHashMap<>();
        last.put("event", "result");
        last.putAll(JsonBody.fields(r));
        out.send(last);
    }

    /** Writes JSON lines, flushing each; stops quietly when the browser has gone away. */
    private static final class LineStream {
        private final java.io.OutputStream out;
        private boolean gone;

        LineStream(java.io.OutputStream out) {
            this.out = out;
        }

        synchronized void send(Object event) {
            if (gone) {
                return;
            }
            try {
                out.write(JsonBody.line(event));
                out.flush();
            } catch (java.io.IOException e) {
                gone = true; // the page was closed; the run finishes anyway
            }
        }
    }

    void restart(Context ctx) {
        Lesson lesson = lesson(ctx);
        kernels.restart(kernelKey(ctx, lesson));
        ctx.json(Map.of("status", "restarted"));
    }

    void stop(Context ctx) {
        Lesson lesson = lesson(ctx);
        kernels.stop(kernelKey(ctx, lesson));
        ctx.json(Map.of("status", "stopping"));
    }

    /** The kernel's variables: {@code {"variables": [{"name", "type", "value"}]}} (value null for complex types). */
    void variables(Context ctx) {
        Lesson lesson = lesson(ctx);
        ctx.json(Map.of("variables", kernels.variables(kernelKey(ctx, lesson))));
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

    /** The {@link Kernels} key of the student's kernel for the path's lesson; 404 for an unknown lesson. */
    String kernelKey(Context ctx) {
        return kernelKey(ctx, lesson(ctx));
    }

    private static String kernelKey(Context ctx, Lesson lesson) {
        return Students.of(ctx) + "/lesson/" + lesson.slug();
    }
}
