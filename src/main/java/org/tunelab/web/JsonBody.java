package org.tunelab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** Reads request bodies as JSON records, with 413 for bodies over the limit and 400 for bad JSON. */
final class JsonBody {
    /** The largest body any API accepts: cells are code, not data. */
    static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonBody() {
    }

    /** The body of a request whose JSON is {@code {"code": "..."}}. */
    record Code(String code, String kernel) {
    }

    static <T> T read(Context ctx, Class<T> type) {
        // Read the body even when it is too large (Javalin refuses over its own 1 MiB limit): answering before the
        // client has finished sending makes the server close the connection, and some clients then see no answer.
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (body.length == 0) {
            throw new BadRequestResponse("The request body is empty; send JSON such as {\"code\": \"1 + 1\"}.");
        }
        return parse(body, type);
    }

    /** {@code body} as JSON for {@code type}: 400 for bad JSON or JSON null. */
    static <T> T parse(byte[] body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new BadRequestResponse("The request body is JSON null; send an object such as {\"code\": \"1 + 1\"}.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("The request body is not valid JSON for this endpoint: "
                    + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRequestResponse("The request body could not be read.");
        }
    }

    /** The {@code code} field of a {@code {"code": "..."}} body, required. */
    static String code(Context ctx) {
        Code body = read(ctx, Code.class);
        if (body.code() == null) {
            throw new BadRequestResponse("The JSON body needs a \"code\" field with the cell's text.");
        }
        return body.code();
    }

    /** The optional {@code kernel} field of a run's body: the kernel id the page's earlier runs reported. */
    static String kernel(Context ctx) {
        return read(ctx, Code.class).kernel();
    }

    /** A record's JSON fields as a map, to add more fields beside them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(Object value) {
        return MAPPER.convertValue(value, Map.class);
    }

    /** Serialises a value as one line of JSON (for streamed responses). */
    static byte[] line(Object value) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(value);
            byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static HttpResponseException tooLarge() {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                "The request body is over " + MAX_BYTES / 1024 + " KiB.", Map.of());
    }
}
