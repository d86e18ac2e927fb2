package org.tunelab.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An NDJSON answer (runs and checks with {@code ?stream=true}): JSON lines, each flushed as it is sent; stops
 * quietly when the browser has gone away, and the run or check finishes anyway.
 */
final class LineStream {
    private final OutputStream out;
    private boolean gone;

    private LineStream(OutputStream out) {
        this.out = out;
    }

    /** Starts the context's answer as an uncached NDJSON stream. */
    static LineStream open(Context ctx) throws IOException {
        ctx.res().setContentType("application/x-ndjson; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        return new LineStream(ctx.res().getOutputStream());
    }

    synchronized void send(Object event) {
        if (gone) {
            return;
        }
        try {
            out.write(JsonBody.line(event));
            out.flush();
        } catch (IOException e) {
            gone = true;
        }
    }

    /** The last line: {@code {"event": "result", ...}} with the fields of the usual JSON answer. */
    void result(Object answer) {
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("event", "result");
        last.putAll(JsonBody.fields(answer));
        send(last);
    }

    /**
     * What a waiting run or check is told ({@link org.tunelab.kernel.Kernels#run} and
     * {@link org.tunelab.grading.Grader#check}): {@code {"event": "queued", "position": 2}} for its place in the
     * server's queue (1 = next), {@code {"event": "starting"}} while a Java VM is started for it.
     */
    void waiting(int place) {
        send(place == 0 ? Map.of("event", "starting") : Map.of("event", "queued", "position", place));
    }
}
