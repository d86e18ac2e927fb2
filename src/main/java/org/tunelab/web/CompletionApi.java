package org.tunelab.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.tunelab.kernel.Kernels;

/**
 * Completion and documentation for the Java editors of a page, answered from a {@link Kernels} key's kernel:
 * {@code {"code": "...", "cursor": 12}} in, {@link org.tunelab.kernel.Completions} or
 * {@link org.tunelab.kernel.Documentation} as JSON out (docs/API.md). Any notebook-like page adds two routes that
 * find its key and call {@link #complete} and {@link #documentation}; nothing here runs code or waits for a run.
 */
final class CompletionApi {
    private final Kernels kernels;

    CompletionApi(Kernels kernels) {
        this.kernels = kernels;
    }

    /** The request body: the editor's whole text and the cursor's offset in it (in UTF-16 units, as JavaScript counts). */
    record Request(String code, Integer cursor) {
    }

    /** Answers with the completions at the cursor in the key's kernel. */
    void complete(Context ctx, String key) {
        Request r = request(ctx);
        ctx.json(kernels.complete(key, r.code(), r.cursor()));
    }

    /** Answers with the signatures and Javadoc of what the cursor is on, from the key's kernel. */
    void documentation(Context ctx, String key) {
        Request r = request(ctx);
        ctx.json(kernels.documentation(key, r.code(), r.cursor()));
    }

    private static Request request(Context ctx) {
        Request r = JsonBody.read(ctx, Request.class);
        if (r.code() == null || r.cursor() == null) {
            throw new BadRequestResponse("The JSON body needs \"code\" (the editor's text) and \"cursor\" (an offset in it).");
        }
        if (r.cursor() < 0 || r.cursor() > r.code().length()) {
            throw new BadRequestResponse("\"cursor\" must be from 0 to the code's length, " + r.code().length() + ".");
        }
        return r;
    }
}
