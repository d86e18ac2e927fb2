package org.tunelab.play;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's real LLM. In a kernel, requests go through the server ({@link Gateway}), which holds the key and
 * limits each student's rate; in a plain JVM with {@code TUNELAB_LLM_URL} set, they go straight upstream.
 */
final class RemoteModel implements Model {
    static final String NOT_CONFIGURED = "No remote model is configured. An instructor can set TUNELAB_LLM_URL"
            + " (and TUNELAB_LLM_MODEL, TUNELAB_LLM_KEY) where the TuneLab server runs; every lesson also works"
            + " on Models.tiny().";

    private final String requested; // null: the server's default
    private volatile Info info;

    private record Info(String model, int contextWindow) {
    }

    RemoteModel(String requested) {
        this.requested = requested;
    }

    @Override
    public String name() {
        return requested != null ? requested : info().model();
    }

    @Override
    public Encoding encoding() {
        return Tokens.forModel(name());
    }

    @Override
    public int contextWindow() {
        return info().contextWindow();
    }

    @Override
    public Completion complete(String prompt, Options options) {
        return chat(List.of(Message.user(prompt)), options);
    }

    @Override
    public Completion chat(List<Message> messages, Options options) {
        if (Gateway.available()) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("op", "chat");
            request.put("model", requested);
            request.put("messages", messages.stream()
                    .map(m -> Map.of("role", m.role().wireName(), "content", m.content())).toList());
            request.put("options", Map.of("temperature", options.temperature(), "topP", options.topP(),
                    "maxTokens", options.maxTokens(), "stop", options.stop(), "seed", options.seed()));
            JsonNode a = Gateway.call(request);
            return new Completion(a.path("text").asText(), a.path("model").asText(name()),
                    a.path("promptTokens").asInt(), a.path("completionTokens").asInt(),
                    a.path("finishReason").asText("stop"), Duration.ofMillis(a.path("latencyMs").asLong()));
        }
        return direct().chat(requested, messages, options);
    }

    private Info info() {
        Info known = info;
        if (known == null) {
            if (Gateway.available()) {
                JsonNode a = Gateway.call(Map.of("op", "info"));
                known = new Info(a.path("model").asText(), a.path("contextWindow").asInt());
            } else {
                LlmSettings s = direct().settings();
                known = new Info(s.model(), s.contextWindow());
            }
            info = known;
        }
        return known;
    }

    private static ChatCompletionsClient direct() {
        return LlmSettings.from(System.getenv()).map(ChatCompletionsClient::new)
                .orElseThrow(() -> new RemoteModelException(NOT_CONFIGURED));
    }

    @Override
    public String toString() {
        return "remote model " + (requested != null ? requested : "(the server's default)");
    }
}
