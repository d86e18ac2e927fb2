package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.tunelab.play.ChatCompletionsClient;
import org.tunelab.play.LlmSettings;
import org.tunelab.play.Message;
import org.tunelab.play.Options;
import org.tunelab.play.RemoteModelException;
import org.tunelab.play.Role;

/**
 * The real LLM, as cells reach it through their kernel's gateway ({@link CellGateway}). The API key stays here;
 * each student may send {@code perMinute} chat requests a minute.
 */
final class LlmGateway {
    static final String NOT_CONFIGURED = "No remote model is configured on this server. An instructor can set"
            + " TUNELAB_LLM_URL (and TUNELAB_LLM_MODEL, TUNELAB_LLM_KEY) before starting TuneLab; every lesson"
            + " also works on Models.tiny().";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatCompletionsClient client; // null: not configured
    private final PerMinute perMinute;

    LlmGateway(LlmSettings settings, int perMinute) {
        this.client = settings == null ? null : new ChatCompletionsClient(settings);
        this.perMinute = new PerMinute(perMinute);
    }

    /** Answers {@code info} and {@code chat} requests (see {@link CellGateway}) for the student of {@code owner}. */
    String handle(String owner, JsonNode req) {
        String op = req.path("op").asText();
        try {
            return switch (op) {
                case "info" -> info();
                case "chat" -> chat(CellGateway.student(owner), req);
                default -> error("The server does not know the request '" + op + "'.");
            };
        } catch (RemoteModelException e) {
            return error(e.getMessage());
        }
    }

    private String info() {
        if (client == null) {
            return error(NOT_CONFIGURED);
        }
        LlmSettings s = client.settings();
        return ok().put("model", s.model()).put("contextWindow", s.contextWindow()).toString();
    }

    private String chat(String student, JsonNode req) {
        if (client == null) {
            return error(NOT_CONFIGURED);
        }
        if (student == null) {
            return error("Remote models answer cells of a lesson; this kernel belongs to no student.");
        }
        if (!perMinute.admit(student, 1)) {
            return error("Too many remote model requests: at most " + perMinute.limit()
                    + " a minute per student. Wait a little and run the cell again.");
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : req.path("messages")) {
            messages.add(new Message(Role.of(m.path("role").asText()), m.path("content").asText()));
        }
        JsonNode o = req.path("options");
        List<String> stop = new ArrayList<>();
        o.path("stop").forEach(s -> stop.add(s.asText()));
        Options options = new Options(o.path("temperature").asDouble(0), o.path("topP").asDouble(1),
                o.path("maxTokens").asInt(64), stop, o.path("seed").asLong(0));
        String model = req.path("model").isTextual() ? req.path("model").asText() : null;
        var c = client.chat(model, messages, options);
        return ok().put("text", c.text()).put("model", c.model()).put("promptTokens", c.promptTokens())
                .put("completionTokens", c.completionTokens()).put("finishReason", c.finishReason())
                .put("latencyMs", c.latency().toMillis()).toString();
    }


    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static String error(String message) {
        return CellGateway.error(message);
    }
}
