package org.tunelab.play;

import java.util.List;

/**
 * A language model you can prompt: Tiny (embedded), a fine-tuned Tiny, or a real LLM behind the server.
 * Every backend takes the same prompts and options and answers with a {@link Completion}.
 *
 * <pre>{@code
 * Model m = Models.tiny();
 * m.complete("Input: I love it\nOutput:")                       // raw text
 * m.complete(Prompt.of("Classify the sentiment.").input("I love it"))
 * m.chat(List.of(Message.system("Classify the sentiment."), Message.user("I love it")))
 * }</pre>
 */
public interface Model {
    /** The name that {@link Completion#model()} reports, e.g. "tiny". */
    String name();

    /** The tokenizer this model reads with; prompts are measured and billed in its tokens. */
    Encoding encoding();

    /** The most tokens the model reads at once: prompt and answer together must fit. */
    int contextWindow();

    /**
     * Continues raw text. Chat models receive it as one user message.
     *
     * @throws PromptTooLongException if the prompt does not fit the context window
     */
    Completion complete(String prompt, Options options);

    /**
     * Answers a conversation (system, user and assistant messages). Tiny reads it rendered by
     * {@link ChatFormat}; chat models receive the messages as they are.
     *
     * @throws PromptTooLongException if the conversation does not fit the context window
     */
    Completion chat(List<Message> messages, Options options);

    /** {@link #complete(String, Options)} with {@link Options#defaults()}. */
    default Completion complete(String prompt) {
        return complete(prompt, Options.defaults());
    }

    /** Answers a built prompt, as the messages it renders to. */
    default Completion complete(Prompt prompt, Options options) {
        return chat(prompt.messages(), options);
    }

    /** {@link #complete(Prompt, Options)} with {@link Options#defaults()}. */
    default Completion complete(Prompt prompt) {
        return complete(prompt, Options.defaults());
    }

    /** {@link #chat(List, Options)} with {@link Options#defaults()}. */
    default Completion chat(List<Message> messages) {
        return chat(messages, Options.defaults());
    }

    /** How many tokens of this model's encoding {@code text} is. */
    default int count(String text) {
        return encoding().count(text);
    }
}
