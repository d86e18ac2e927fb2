package org.tunelab.lm;

import java.time.Duration;

/**
 * The result of {@link Tiny#generate}.
 *
 * @param text             the completion (without the prompt, cut before any stop sequence)
 * @param promptTokens     tokens in the prompt as the model saw it
 * @param completionTokens tokens generated
 * @param finishReason     "stop" (end-of-text or a stop sequence) or "length" (maxTokens or context full)
 * @param elapsed          wall time, prompt processing included
 */
public record Generation(String text, int promptTokens, int completionTokens, String finishReason, Duration elapsed) {
}
