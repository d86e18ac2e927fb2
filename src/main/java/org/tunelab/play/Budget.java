package org.tunelab.play;

import java.util.ArrayList;
import java.util.List;

/**
 * A context-window budget: the prompt and the answer must fit together in the tokens a model reads at once.
 * Immutable; counts are real token counts in the model's encoding.
 *
 * <pre>{@code
 * Budget b = Budget.of(Models.tiny()).prompt(fewShot).answer(10);
 * b.fits()             // true when prompt + answer <= 256
 * b.leftForAnswer()    // the longest answer this prompt leaves room for
 * b.examplesThatFit("The kettle is great value.", "positive")   // how many more such examples fit
 * }</pre>
 */
public final class Budget implements Displayable {
    private final String model;
    private final int contextWindow;
    private final Encoding encoding;
    private final Prompt prompt;     // null when the prompt was given as text
    private final int promptTokens;
    private final int answerTokens;

    private Budget(String model, int contextWindow, Encoding encoding, Prompt prompt, int promptTokens, int answerTokens) {
        this.model = model;
        this.contextWindow = contextWindow;
        this.encoding = encoding;
        this.prompt = prompt;
        this.promptTokens = promptTokens;
        this.answerTokens = answerTokens;
    }

    /** The budget of {@code model}'s context window, in its encoding: {@code Budget.of(Models.tiny())}. */
    public static Budget of(Model model) {
        return new Budget(model.name(), model.contextWindow(), model.encoding(), null, 0, 0);
    }

    /** A budget of any size, to ask "what if": {@code Budget.of(8192, Tokens.cl100k())}. */
    public static Budget of(int contextWindow, Encoding encoding) {
        if (contextWindow < 1) {
            throw new IllegalArgumentException("Budget.of(contextWindow, encoding): the context window must be at least 1 token, was "
                    + contextWindow);
        }
        return new Budget(encoding.name(), contextWindow, encoding, null, 0, 0);
    }

    /**
     * How many copies of one example (input and output) can be added to {@code prompt} with {@code answerTokens}
     * left for the answer. Give the prompt with its input (or a typical one): it is part of what must fit.
     *
     * <pre>{@code
     * Budget.examplesThatFit(Models.tiny(), Prompt.of("Is this review positive or negative?").input(review),
     *         "The kettle is great value.", "positive", 5)
     * }</pre>
     */
    public static int examplesThatFit(Model model, Prompt prompt, String exampleInput, String exampleOutput, int answerTokens) {
        return of(model).prompt(prompt).answer(answerTokens).examplesThatFit(exampleInput, exampleOutput);
    }

    /** This budget with {@code prompt} in it, measured in the encoding's tokens. */
    public Budget prompt(Prompt prompt) {
        return new Budget(model, contextWindow, encoding, prompt, prompt.count(encoding), answerTokens);
    }

    /** This budget with a raw text prompt in it: {@code .prompt("Input: I love it\nOutput:")}. */
    public Budget prompt(String text) {
        return new Budget(model, contextWindow, encoding, null, encoding.count(text), answerTokens);
    }

    /** This budget keeping {@code maxTokens} for the answer (as in {@link Options#maxTokens(int)}). */
    public Budget answer(int maxTokens) {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("answer(maxTokens): the answer needs 0 or more tokens, was " + maxTokens);
        }
        return new Budget(model, contextWindow, encoding, prompt, promptTokens, maxTokens);
    }

    /** The tokens the model reads at once. */
    public int contextWindow() {
        return contextWindow;
    }

    /** The prompt's tokens. */
    public int promptTokens() {
        return promptTokens;
    }

    /** The tokens kept for the answer. */
    public int answerTokens() {
        return answerTokens;
    }

    /** Prompt plus answer tokens. */
    public int used() {
        return promptTokens + answerTokens;
    }

    /** Whether prompt and answer fit in the context window together. */
    public boolean fits() {
        return used() <= contextWindow;
    }

    /** The tokens to spare after prompt and answer; negative when they do not fit (by how much they are over). */
    public int left() {
        return contextWindow - used();
    }

    /** The longest answer the prompt leaves room for (0 when the prompt alone fills or overflows the window). */
    public int leftForAnswer() {
        return Math.max(0, contextWindow - promptTokens);
    }

    /**
     * How many more copies of this example fit in the prompt, with the answer's tokens kept free. Each added example
     * is counted for real (not estimated), so the answer is exact for this encoding. 0 when even the prompt as it
     * is does not fit.
     *
     * @throws IllegalStateException when the budget has no {@link Prompt} (a raw text prompt cannot take examples)
     */
    public int examplesThatFit(String exampleInput, String exampleOutput) {
        if (prompt == null) {
            throw new IllegalStateException("examplesThatFit needs the prompt as a Prompt: Budget.of(model).prompt(Prompt.of(...))");
        }
        int limit = contextWindow - answerTokens;
        if (withCopies(0, exampleInput, exampleOutput) > limit) {
            return 0;
        }
        // Each example adds tokens, so the count grows with the copies: double until it overflows, then bisect.
        int fits = 0;
        int over = 1;
        while (withCopies(over, exampleInput, exampleOutput) <= limit) {
            fits = over;
            over *= 2;
        }
        while (over - fits > 1) {
            int mid = (fits + over) >>> 1;
            if (withCopies(mid, exampleInput, exampleOutput) <= limit) {
                fits = mid;
            } else {
                over = mid;
            }
        }
        return fits;
    }

    private int withCopies(int copies, String input, String output) {
        List<Prompt.Example> more = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) {
            more.add(new Prompt.Example(input, output));
        }
        return prompt.examples(more).count(encoding);
    }

    /** A "progress" display spec: how much of the context window prompt and answer take. */
    @Override
    public String toDisplay() {
        return Display.spec("progress")
                .put("label", toString())
                .put("value", Math.min(used(), contextWindow))
                .put("max", contextWindow)
                .json();
    }

    /** E.g. "tiny: prompt 83 + answer 10 = 93 of 256 tokens, 163 to spare". */
    @Override
    public String toString() {
        String head = model + ": prompt " + promptTokens + " + answer " + answerTokens + " = " + used() + " of "
                + contextWindow + " tokens, ";
        return fits() ? head + left() + " to spare" : head + "does not fit (" + (-left()) + " over)";
    }
}
