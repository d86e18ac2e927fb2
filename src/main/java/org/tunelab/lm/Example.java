package org.tunelab.lm;

/**
 * A fine-tuning example: the model learns to continue {@code prompt} with {@code completion};
 * only the completion's tokens (and the end-of-text after it) count in the loss.
 */
public record Example(String prompt, String completion) {
}
