package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tunelab.play.Completion;
import org.tunelab.play.Message;
import org.tunelab.play.Model;
import org.tunelab.play.Models;
import org.tunelab.play.Options;
import org.tunelab.play.PromptTooLongException;
import org.tunelab.play.Role;

/**
 * Tiny behind the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}, {@code GET /v1/models}),
 * so that students can point other tools at it and the remote backend can be tested against a real server.
 * Errors have OpenAI's shape: {@code {"error": {"message", "type"}}}.
 */
final class OpenAiApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    void models(Context ctx) {
        ctx.json(Map.of("object", "list", "data", List.of(Map.of("id", "tiny", "object", "model", "owned_by", "tunelab"))));
    }

    void chat(Context ctx) {
        JsonNode req;
        try {
            req = JSON.readTree(ctx.body());
        } catch (IOException e) {
            error(ctx, 400, "The request body is not JSON.");
            return;
        }
        String name = req.path("model").asText("tiny");
        if (!name.equals("tiny")) {
            error(ctx, 404, "The model '" + name + "' does not exist here; this server has 'tiny'.");
            return;
        }
        if (!req.path("messages").isArray() || req.path("messages").isEmpty()) {
            error(ctx, 400, "'messages' must be a non-empty list.");
            return;
        }
        List<Message> messages = new ArrayList<>();
        Options options;
        try {
            for (JsonNode m : req.path("messages")) {
                messages.add(new Message(Role.of(m.path("role").asText()), m.path("content").asText()));
            }
            List<String> stop = new ArrayList<>();
            JsonNode s = req.path("stop");
            if (s.isTextual()) {
                stop.add(s.asText());
            } else {
                s.forEach(x -> stop.add(x.asText()));
            }
            options = new Options(req.path("temperature").asDouble(1), req.path("top_p").asDouble(1),
                    Math.min(req.path("max_tokens").asInt(64), 256), stop, req.path("seed").asLong(0));
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        Model tiny = Models.tiny();
        Completion c;
        try {
            c = tiny.chat(messages, options);
        } catch (PromptTooLongException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("id", "chatcmpl-" + UUID.randomUUID()).put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000).put("model", "tiny");
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", c.finishReason());
        choice.putObject("message").put("role", "assistant").put("content", c.text());
        out.putObject("usage").put("prompt_tokens", c.promptTokens()).put("completion_tokens", c.completionTokens())
                .put("total_tokens", c.totalTokens());
        ctx.contentType("application/json").result(out.toString());
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", Map.of("message", message,
                "type", status == 404 ? "not_found_error" : "invalid_request_error")));
    }
}
