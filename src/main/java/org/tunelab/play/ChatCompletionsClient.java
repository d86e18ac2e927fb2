package org.tunelab.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * Talks the OpenAI chat-completions protocol to an upstream server. Used by the TuneLab server on behalf of
 * cells (the key stays on the server), and directly by {@link Models#remote()} in a plain JVM.
 */
public final class ChatCompletionsClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_CHARS = 300;

    private final LlmSettings settings;
    private final HttpClient http;

    public ChatCompletionsClient(LlmSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public LlmSettings settings() {
        return settings;
    }

    /**
     * Sends one chat-completions request.
     *
     * @param model the model name, or null for the configured one
     * @throws RemoteModelException with the upstream's status and message, or a timeout, in words
     */
    public Completion chat(String model, List<Message> messages, Options options) {
        String name = model == null ? settings.model() : model;
        ObjectNode body = JSON.createObjectNode();
        body.put("model", name);
        ArrayNode list = body.putArray("messages");
        for (Message m : messages) {
            list.addObject().put("role", m.role().wireName()).put("content", m.content());
        }
        body.put("temperature", options.temperature());
        body.put("top_p", options.topP());
        body.put("max_tokens", options.maxTokens());
        body.put("seed", options.seed());
        if (!options.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            options.stop().forEach(stop::add);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (settings.key() != null) {
            request.header("Authorization", "Bearer " + settings.key());
        }
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RemoteModelException("The remote model did not answer within " + settings.timeout().toSeconds()
                    + " s (" + settings.endpoint().getHost() + ").");
        } catch (IOException e) {
            throw new RemoteModelException("Could not reach the remote model at " + settings.endpoint().getHost()
                    + ":" + settings.endpoint().getPort() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteModelException("Interrupted while waiting for the remote model.");
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        if (response.statusCode() >= 400) {
            throw new RemoteModelException("The remote model answered " + response.statusCode() + ": "
                    + upstreamMessage(response.body()));
        }
        return parse(response.body(), name, latency);
    }

    private static Completion parse(String body, String name, Duration latency) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode choice = root.path("choices").path(0);
            if (choice.isMissingNode()) {
                throw new RemoteModelException("The remote model's answer has no choices: " + clip(body));
            }
            JsonNode usage = root.path("usage");
            String finish = choice.path("finish_reason").asText("stop");
            return new Completion(choice.path("message").path("content").asText(""),
                    root.path("model").asText(name), usage.path("prompt_tokens").asInt(0),
                    usage.path("completion_tokens").asInt(0), finish.isEmpty() ? "stop" : finish, latency);
        } catch (IOException e) {
            throw new RemoteModelException("The remote model's answer is not JSON: " + clip(body));
        }
    }

    /** The {@code error.message} of an OpenAI-style error body, else the start of the body. */
    private static String upstreamMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isTextual()) {
                return error.asText();
            }
            if (error.path("message").isTextual()) {
                return error.path("message").asText();
            }
        } catch (IOException e) {
            // not JSON; show the text
        }
        return body.isBlank() ? "(no message)" : clip(body);
    }

    private static String clip(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= ERROR_CHARS ? flat : flat.substring(0, ERROR_CHARS) + "...";
    }
}
