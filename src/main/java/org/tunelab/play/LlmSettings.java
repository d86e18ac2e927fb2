package org.tunelab.play;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the real LLM is: an OpenAI-compatible server (Ollama, llama.cpp's server, vLLM, OpenAI).
 * Read from the server's environment; cells never see it (the key least of all).
 *
 * @param url           base URL, e.g. {@code http://localhost:11434/v1}; {@code /chat/completions} is added
 * @param model         the default model name sent upstream
 * @param key           the API key sent as a bearer token, or null
 * @param timeout       how long one request may take
 * @param contextWindow what the model reads at once, for token budgets (TUNELAB_LLM_CONTEXT, default 8192)
 */
public record LlmSettings(URI url, String model, String key, Duration timeout, int contextWindow) {

    /**
     * From {@code TUNELAB_LLM_URL} (required), {@code TUNELAB_LLM_MODEL}, {@code TUNELAB_LLM_KEY},
     * {@code TUNELAB_LLM_TIMEOUT} (seconds, default 60) and {@code TUNELAB_LLM_CONTEXT}; empty without a URL.
     *
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static Optional<LlmSettings> from(Map<String, String> env) {
        String url = env.getOrDefault("TUNELAB_LLM_URL", "").strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TUNELAB_LLM_URL is not a URL: " + url, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("TUNELAB_LLM_URL must start with http:// or https://, was " + url);
        }
        String model = env.getOrDefault("TUNELAB_LLM_MODEL", "").strip();
        String key = env.getOrDefault("TUNELAB_LLM_KEY", "").strip();
        return Optional.of(new LlmSettings(uri, model.isEmpty() ? "default" : model, key.isEmpty() ? null : key,
                Duration.ofSeconds(number(env, "TUNELAB_LLM_TIMEOUT", 60)), number(env, "TUNELAB_LLM_CONTEXT", 8192)));
    }

    /** The chat-completions endpoint. */
    public URI endpoint() {
        String base = url.toString().replaceAll("/+$", "");
        return URI.create(base.endsWith("/chat/completions") ? base : base + "/chat/completions");
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, was '" + value + "'");
    }

    @Override
    public String toString() {
        return "LlmSettings[url=" + url + ", model=" + model + ", key=" + (key == null ? "none" : "set")
                + ", timeout=" + timeout + ", contextWindow=" + contextWindow + "]";
    }
}
