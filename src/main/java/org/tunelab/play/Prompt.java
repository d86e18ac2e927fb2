package org.tunelab.play;

import java.util.ArrayList;
import java.util.List;

/**
 * A prompt built from the parts prompt engineering uses. Immutable; each method returns a changed copy.
 * (Minimal version: instruction, examples and input. Extended in the play API work.)
 */
public final class Prompt {
    private final String instruction;
    private final List<Message> examples;
    private final String input;

    private Prompt(String instruction, List<Message> examples, String input) {
        this.instruction = instruction;
        this.examples = List.copyOf(examples);
        this.input = input;
    }

    /** A prompt that starts with an instruction. */
    public static Prompt of(String instruction) {
        return new Prompt(instruction, List.of(), null);
    }

    /** Adds a worked example (few-shot): an input and the answer wanted for it. */
    public Prompt example(String input, String output) {
        List<Message> more = new ArrayList<>(examples);
        more.add(Message.user(input));
        more.add(Message.assistant(output));
        return new Prompt(instruction, more, this.input);
    }

    /** Sets the input to answer. */
    public Prompt input(String text) {
        return new Prompt(instruction, examples, text);
    }

    /** The prompt as chat messages: a system message, examples as user/assistant turns, the input. */
    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        if (instruction != null && !instruction.isBlank()) {
            messages.add(Message.system(instruction));
        }
        messages.addAll(examples);
        if (input != null) {
            messages.add(Message.user(input));
        }
        return messages;
    }

    /** The prompt as Tiny reads it (see {@link ChatFormat}). */
    public String text() {
        return ChatFormat.render(messages());
    }

    @Override
    public String toString() {
        return text();
    }
}
