package org.tunelab.play;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tunelab.lm.Corpus;

/**
 * One training example, in either of OpenAI's fine-tuning formats: chat messages
 * ({@code {"messages": [...]}}) or a prompt and its completion ({@code {"prompt": ..., "completion": ...}}).
 * Immutable.
 *
 * <pre>{@code
 * Example a = Example.of("My card was billed twice.", "billing");          // user -> assistant
 * Example b = Example.chat(Message.system("Route the ticket."), Message.user("Parcel lost."),
 *                          Message.assistant("shipping"));
 * Example c = Example.completion("Parcel lost.", "shipping");              // prompt/completion format
 * a.label()                                                                 // "billing"
 * }</pre>
 *
 * <p>The <em>label</em> is what the model learns to answer: the content of the last assistant message, or the
 * completion without its surrounding spaces. The <em>input</em> is the user message before it, or the prompt.
 */
public final class Example {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Message> messages; // chat format, else null
    private final String prompt;          // prompt/completion format, else null
    private final String completion;

    private Example(List<Message> messages, String prompt, String completion) {
        this.messages = messages;
        this.prompt = prompt;
        this.completion = completion;
    }

    /**
     * A chat example of one question and its answer: a user message and an assistant message.
     * <pre>{@code Example.of("The kettle broke in a week.", "negative")}</pre>
     */
    public static Example of(String input, String label) {
        return chat(Message.user(input), Message.assistant(label));
    }

    /**
     * A chat example from messages; it needs at least one assistant message (the answer to learn).
     * <pre>{@code Example.chat(Message.system("Be brief."), Message.user("2+2?"), Message.assistant("4"))}</pre>
     */
    public static Example chat(Message... messages) {
        return chat(Arrays.asList(messages));
    }

    /** A chat example from a list of messages; see {@link #chat(Message...)}. */
    public static Example chat(List<Message> messages) {
        List<Message> copy = List.copyOf(messages);
        if (copy.stream().noneMatch(m -> m.role() == Role.ASSISTANT)) {
            throw new IllegalArgumentException("Example.chat: no assistant message, so nothing to learn: "
                    + "end with Message.assistant(\"the answer\")");
        }
        return new Example(copy, null, null);
    }

    /**
     * An example in the prompt/completion format.
     * <pre>{@code Example.completion("Parcel lost.", "shipping")}</pre>
     */
    public static Example completion(String prompt, String completion) {
        return new Example(null, Objects.requireNonNull(prompt, "prompt"), Objects.requireNonNull(completion, "completion"));
    }

    /** Whether this example is in the chat format (else prompt/completion). */
    public boolean isChat() {
        return messages != null;
    }

    /**
     * The messages: as given for a chat example; for a prompt/completion example, the prompt as a user message
     * and the completion (stripped) as an assistant message.
     */
    public List<Message> messages() {
        return isChat() ? messages : List.of(Message.user(prompt), Message.assistant(completion.strip()));
    }

    /** The prompt of a prompt/completion example, or null for a chat example. */
    public String prompt() {
        return prompt;
    }

    /** The completion of a prompt/completion example (as written), or null for a chat example. */
    public String completion() {
        return completion;
    }

    /** The question: the last user message before the answer, or the prompt ("" if there is no user message). */
    public String input() {
        if (!isChat()) {
            return prompt;
        }
        int answer = lastAssistant();
        for (int i = answer - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    /** The answer to learn: the last assistant message's content, or the completion without surrounding spaces. */
    public String label() {
        return isChat() ? messages.get(lastAssistant()).content() : completion.strip();
    }

    /**
     * This example with another label (the last assistant message, or the completion, replaced).
     * <pre>{@code Example.of("Parcel lost.", "billing").withLabel("shipping")}</pre>
     */
    public Example withLabel(String label) {
        Objects.requireNonNull(label, "label");
        if (!isChat()) {
            boolean spaced = !completion.isEmpty() && Character.isWhitespace(completion.charAt(0));
            return new Example(null, prompt, spaced ? " " + label : label);
        }
        List<Message> changed = new ArrayList<>(messages);
        changed.set(lastAssistant(), Message.assistant(label));
        return new Example(List.copyOf(changed), null, null);
    }

    /**
     * This example with {@code instruction} as its system message (replacing one it has, else put first). A
     * prompt/completion example gets the instruction as a first line of its prompt.
     * <pre>{@code Example.of("Parcel lost.", "shipping").withInstruction("Route the ticket to a department.")}</pre>
     */
    public Example withInstruction(String instruction) {
        Objects.requireNonNull(instruction, "instruction");
        if (!isChat()) {
            return new Example(null, instruction + "\n" + prompt, completion);
        }
        List<Message> changed = new ArrayList<>(messages);
        if (!changed.isEmpty() && changed.get(0).role() == Role.SYSTEM) {
            changed.set(0, Message.system(instruction));
        } else {
            changed.add(0, Message.system(instruction));
        }
        return new Example(List.copyOf(changed), null, null);
    }

    /**
     * This example as Tiny trains on it: a prompt that ends in {@code "Output:"} and the completion
     * {@code " " + label} (see {@link ChatFormat} and {@link Corpus#prompt}). A chat example is rendered by
     * {@link ChatFormat#render} up to its last assistant message (later messages are dropped); a prompt that
     * already ends in {@code "Output:"} is kept as written, any other becomes {@code "Input: prompt\nOutput:"}.
     * <pre>{@code Example.of("Parcel lost.", "shipping").toTiny()   // ("Input: Parcel lost.\nOutput:", " shipping")}</pre>
     */
    public org.tunelab.lm.Example toTiny() {
        return toTiny(null);
    }

    /**
     * This example as Tiny trains on it, after a prompt's instruction and worked examples (a prompt without an
     * input: its messages go first).
     * <pre>{@code example.toTiny(Prompt.of("Route the ticket.").example("Card charged twice.", "billing"))}</pre>
     */
    public org.tunelab.lm.Example toTiny(Prompt before) {
        List<Message> prefix = before == null ? List.of() : before.messages();
        String label = label();
        if (!isChat() && prompt.stripTrailing().endsWith("Output:")) {
            return new org.tunelab.lm.Example(ChatFormat.render(prefix) + prompt.stripTrailing(), " " + label);
        }
        List<Message> all = new ArrayList<>(prefix);
        all.addAll(isChat() ? messages.subList(0, lastAssistant()) : List.of(Message.user(prompt)));
        all.add(Message.assistant(label));
        String text = ChatFormat.render(all); // ends with "Output: " + label + "\n\n"
        String head = text.substring(0, text.length() - label.length() - 3);
        return new org.tunelab.lm.Example(head, " " + label);
    }

    /**
     * How many tokens this example is as Tiny trains on it (prompt plus completion, see {@link #toTiny()}).
     * <pre>{@code Example.of("Parcel lost.", "shipping").tokens(Tokens.tiny())}</pre>
     */
    public int tokens(Encoding encoding) {
        org.tunelab.lm.Example tiny = toTiny();
        return encoding.count(tiny.prompt()) + encoding.count(tiny.completion());
    }

    /** This example as one line of JSONL in its format. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        if (isChat()) {
            ArrayNode list = node.putArray("messages");
            for (Message m : messages) {
                list.addObject().put("role", m.role().wireName()).put("content", m.content());
            }
        } else {
            node.put("prompt", prompt).put("completion", completion);
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private int lastAssistant() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.ASSISTANT) {
                return i;
            }
        }
        throw new IllegalStateException("no assistant message"); // chat() refuses such examples
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Example e && Objects.equals(messages, e.messages) && Objects.equals(prompt, e.prompt)
                && Objects.equals(completion, e.completion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messages, prompt, completion);
    }

    /** {@code "input -> label"}, or the messages one per line when there are more than two. */
    @Override
    public String toString() {
        if (isChat() && messages.size() > 2) {
            StringBuilder b = new StringBuilder();
            for (Message m : messages) {
                b.append(b.length() == 0 ? "" : "\n").append(m);
            }
            return b.toString();
        }
        return input() + " -> " + label();
    }
}
