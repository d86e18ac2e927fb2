package org.tunelab.lm;

/** A prompt has more tokens than the model's context holds. */
public final class ContextOverflowException extends IllegalArgumentException {

    private final int promptTokens;
    private final int contextLength;

    public ContextOverflowException(int promptTokens, int contextLength) {
        super("prompt is " + promptTokens + " tokens but the context holds " + contextLength
                + " tokens; shorten the prompt or pass truncate=true");
        this.promptTokens = promptTokens;
        this.contextLength = contextLength;
    }

    public int promptTokens() { return promptTokens; }
    public int contextLength() { return contextLength; }
}
