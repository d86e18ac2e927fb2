package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.tunelab.kernel.Diagnostic;
import org.tunelab.kernel.ExceptionInfo;
import org.tunelab.kernel.Kernels;
import org.tunelab.kernel.RunResult;

/**
 * Run, restart, stop and variables for one kernel, named by its key: the JSON API that a lesson's cells and a
 * playground notebook's cells share. The caller decides whose kernel a request reaches.
 */
final class KernelApi {
    private final Kernels kernels;

    KernelApi(Kernels kernels) {
        this.kernels = kernels;
    }

    /** The JSON shape of a run, documented in docs/API.md. */
    record RunResponse(String status, String stdout, String stderr, String value, List<Diagnostic> diagnostics,
                       ExceptionInfo exception, long elapsedMs, boolean truncated, boolean stateLost, String message,
                       List<JsonNode> displays, JsonNode valueDisplay, int heapUsedMb, int heapMaxMb,
                       List<String> notes, String kernel) {
        static RunResponse of(RunResult r, String kernel) {
            return new RunResponse(r.status().name().toLowerCase(), r.stdout(), r.stderr(), r.value(),
                    r.diagnostics(), r.exception(), r.elapsedMs(), r.truncated(), r.stateLost(), r.message(),
                    r.displays().stream().map(DisplaySpecs::check).toList(), DisplaySpecs.check(r.valueDisplay()),
                    r.heapUsedMb(), r.heapMaxMb(), r.notes(), kernel);
        }
    }

    /**
     * The result, told that its state is gone when the page's earlier runs were in another kernel ({@code expected},
     * the id they reported): this server was restarted, or the page's server stopped and another took over.
     */
    private RunResponse response(String key, String expected, RunResult result) {
        String kernel = kernels.kernelId(key).orElse(null);
        if (expected != null && kernel != null && !expected.equals(kernel) && !result.stateLost()) {
            String why = "This is a new kernel: the one your earlier cells ran in is gone (its server was restarted"
                    + " or stopped, and this one took over), and so are their variables. Run the cells above again.";
            result = result.withMessage(true, result.message() == null ? why : why + " " + result.message());
        }
        return RunResponse.of(result, kernel);
    }

    /**
     * Runs the body's {@code code} in the key's kernel. The answer's {@code kernel} names that kernel; a page sends it
     * back as the body's {@code kernel} with its next run, and is told ({@code stateLost}) if that kernel is gone. With {@code ?stream=true} the answer is NDJSON: one
     * {@code {"event": "output", "stream": "stdout", "text": "..."}} line per piece of output as the cell prints it,
     * a {@code {"event": "display", "spec": {...}}} line per display it shows (a spec whose id was shown replaces
     * it), then one {@code {"event": "result", ...}} line with the usual result fields. While the run waits for one
     * of the server's run slots, {@code {"event": "queued", "position": 2}} lines tell its place (1 = next).
     *
     * @return the run's result, already sent
     */
    RunResult run(Context ctx, String key) throws java.io.IOException {
        String code = JsonBody.code(ctx);
        String expected = JsonBody.kernel(ctx);
        if (!"true".equals(ctx.queryParam("stream"))) {
            RunResult result = kernels.run(key, code);
            ctx.json(response(key, expected, result));
            return result;
        }
        LineStream out = LineStream.open(ctx);
        RunResult result = kernels.run(key, code,
                (stream, text) -> out.send("display".equals(stream)
                        ? Map.of("event", "display", "spec", DisplaySpecs.check(text))
                        : Map.of("event", "output", "stream", stream, "text", text)),
                out::waiting);
        out.result(response(key, expected, result));
        return result;
    }

    void restart(Context ctx, String key) {
        kernels.restart(key);
        ctx.json(Map.of("status", "restarted"));
    }

    void stop(Context ctx, String key) {
        kernels.stop(key);
        ctx.json(Map.of("status", "stopping"));
    }

    /** The kernel's variables: {@code {"variables": [{"name", "type", "value"}]}} (value null for complex types). */
    void variables(Context ctx, String key) {
        ctx.json(Map.of("variables", kernels.variables(key)));
    }
}
