package org.tunelab.play;

import java.time.Duration;

/**
 * A model's answer, with what it cost in tokens and time.
 *
 * @param text             the answer
 * @param model            the name of the model that answered
 * @param promptTokens     tokens the model read
 * @param completionTokens tokens the model wrote
 * @param finishReason     "stop" (the model ended or a stop string came) or "length" (maxTokens or the
 *                         context window ran out)
 * @param latency          from sending the prompt to having the whole answer
 */
public record Completion(String text, String model, int promptTokens, int completionTokens, String finishReason,
                         Duration latency) implements Displayable {

    /** Prompt plus completion tokens. */
    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The answer without leading and trailing spaces: what to compare with an expected label. */
    public String answer() {
        return text.strip();
    }

    @Override
    public String toDisplay() {
        return Display.spec("completion")
                .put("model", model)
                .put("text", text)
                .put("promptTokens", promptTokens)
                .put("completionTokens", completionTokens)
                .put("finishReason", finishReason)
                .put("latencyMs", latency.toMillis())
                .json();
    }

    @Override
    public String toString() {
        return text + "\n[" + model + ": " + promptTokens + " prompt + " + completionTokens + " completion tokens, "
                + finishReason + ", " + latency.toMillis() + " ms]";
    }
}
