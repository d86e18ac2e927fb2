package org.tunelab.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.Function;

/**
 * The kernel's line to the server, for what a cell may not do itself (reach the network, hold a key, take a
 * server-wide training slot). The kernel's agent installs a {@code Function<String, String>} under {@link #HOOK}
 * that sends one JSON request and returns the server's JSON answer; outside a kernel there is none.
 *
 * <p>Requests are {@code {"op": ..., ...}}; answers are {@code {"ok": true, ...}} or {@code {"ok": false,
 * "error": "a sentence"}}.
 */
final class Gateway {
    static final String HOOK = "org.tunelab.gateway";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Gateway() {
    }

    /** Whether this JVM is a kernel with a line to the server. */
    static boolean available() {
        return hook() != null;
    }

    /**
     * Sends a request and returns the answer's fields.
     *
     * @throws RemoteModelException with the server's sentence when it answers {@code ok: false}
     */
    static JsonNode call(Object request) {
        Function<String, String> hook = hook();
        if (hook == null) {
            throw new IllegalStateException("no gateway: not running in a TuneLab kernel");
        }
        try {
            JsonNode answer = JSON.readTree(hook.apply(JSON.writeValueAsString(request)));
            if (!answer.path("ok").asBoolean(false)) {
                throw new RemoteModelException(answer.path("error").asText("The server refused the request."));
            }
            return answer;
        } catch (IOException e) {
            throw new RemoteModelException("The server's answer could not be read: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<String, String> hook() {
        Object hook = System.getProperties().get(HOOK);
        return hook instanceof Function<?, ?> f ? (Function<String, String>) f : null;
    }
}
