package org.tunelab.play;

/** A prompt has more tokens than the model reads at once (its context window). */
public final class PromptTooLongException extends IllegalArgumentException {
    private final int promptTokens;
    private final int contextWindow;

    public PromptTooLongException(String model, int promptTokens, int contextWindow) {
        super("The prompt is " + promptTokens + " tokens, but " + model + " reads at most " + contextWindow
                + " tokens at once (its context window). Shorten the prompt or use fewer examples.");
        this.promptTokens = promptTokens;
        this.contextWindow = contextWindow;
    }

    public int promptTokens() {
        return promptTokens;
    }

    public int contextWindow() {
        return contextWindow;
    }
}
