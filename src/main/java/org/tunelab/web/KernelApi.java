package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
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
                       List<String> notes) {
        static RunResponse of(RunResult r) {
            return new RunResponse(r.status().name().toLowerCase(), r.stdout(), r.stderr(), r.value(),
                    r.diagnostics(), r.exception(), r.elapsedMs(), r.truncated(), r.stateLost(), r.message(),
                    r.displays().stream().map(DisplaySpecs::check).toList(), DisplaySpecs.check(r.valueDisplay()),
                    r.heapUsedMb(), r.heapMaxMb(), r.notes());
        }
    }

    /**
     * Runs the body's {@code code} in the key's kernel. With {@code ?stream=true} the answer is NDJSON: one
     * {@code {"event": "output", "stream": "stdout", "text": "..."}} line per piece of output as the cell prints it,
     * a {@code {"event": "display", "spec": {...}}} line per display it shows (a spec whose id was shown replaces
     * it), then one {@code {"event": "result", ...}} line with the usual result fields. While the run waits for one
     * of the server's run slots, {@code {"event": "queued", "position": 2}} lines tell its place (1 = next).
     *
     * @return the run's result, already sent
     */
    RunResult run(Context ctx, String key) throws java.io.IOException {
        String code = JsonBody.code(ctx);
        if (!"true".equals(ctx.queryParam("stream"))) {
            RunResult result = kernels.run(key, code);
            ctx.json(RunResponse.of(result));
            return result;
        }
        ctx.res().setContentType("application/x-ndjson; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        LineStream out = new LineStream(ctx.res().getOutputStream());
        RunResult result = kernels.run(key, code,
                (stream, text) -> out.send("display".equals(stream)
                        ? Map.of("event", "display", "spec", DisplaySpecs.check(text))
                        : Map.of("event", "output", "stream", stream, "text", text)),
                place -> out.send(Map.of("event", "queued", "position", place)));
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("event", "result");
        last.putAll(JsonBody.fields(RunResponse.of(result)));
        out.send(last);
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
}
