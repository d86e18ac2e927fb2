package org.tunelab.play;

import java.time.Duration;
import java.util.List;
import org.tunelab.lm.ContextOverflowException;
import org.tunelab.lm.GenerateOptions;
import org.tunelab.lm.Generation;
import org.tunelab.lm.Tiny;

/** A Tiny checkpoint (the base model or a fine-tuned one) as a {@link Model}. */
final class TinyModel implements Model {
    private final String name;
    private final Tiny tiny;
    private final Encoding encoding;

    TinyModel(String name, Tiny tiny) {
        this.name = name;
        this.tiny = tiny;
        this.encoding = new TinyEncoding(tiny.tokenizer());
    }

    /** The Tiny inside, for fine-tuning. */
    Tiny tiny() {
        return tiny;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }

    @Override
    public int contextWindow() {
        return tiny.config().contextLength();
    }

    @Override
    public Completion complete(String prompt, Options options) {
        GenerateOptions generate = GenerateOptions.greedy()
                .withMaxTokens(options.maxTokens())
                .withTemperature(options.temperature())
                .withTopP(options.topP())
                .withSeed(options.seed())
                .withStop(options.stop().toArray(String[]::new));
        Generation g;
        try {
            g = tiny.generate(prompt, generate);
        } catch (ContextOverflowException e) {
            throw new PromptTooLongException(name, e.promptTokens(), e.contextLength());
        }
        return new Completion(g.text(), name, g.promptTokens(), g.completionTokens(), g.finishReason(),
                Duration.ofNanos(g.elapsed().toNanos()));
    }

    /** Answers end at the end of their line unless the options name other stop strings (see {@link ChatFormat}). */
    @Override
    public Completion chat(List<Message> messages, Options options) {
        return complete(ChatFormat.render(messages), options.stop().isEmpty() ? options.stop("\n") : options);
    }

    @Override
    public String toString() {
        return name + " (Tiny, " + contextWindow() + "-token context)";
    }
}
