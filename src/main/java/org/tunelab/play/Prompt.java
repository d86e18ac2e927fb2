package org.tunelab.play;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A prompt built from the parts prompt engineering uses: a role, an instruction, an audience, an output format,
 * few-shot examples, delimiters around the input, structured input fields, and the input. Immutable; each method
 * returns a changed copy, so one base prompt can be reused for many inputs.
 *
 * <pre>{@code
 * Prompt sentiment = Prompt.of("Is this review positive or negative?")
 *         .example("I love this kettle.", "positive")
 *         .example("The lid broke in a week.", "negative");
 * Models.tiny().complete(sentiment.input("The tent arrived damaged."), Options.defaults().stop("\n"))   // negative
 * }</pre>
 * (Tiny goes on writing more made-up examples after its answer; {@code stop("\n")} ends the answer at its line.)
 *
 * <p>The parts become chat messages ({@link #messages()}): one system message (role, instruction, audience,
 * format, in that order, one per line), each example as a user message and an assistant message, and the input as
 * the last user message. Tiny reads those messages as one text ({@link #text()}, rendered by {@link ChatFormat});
 * chat models receive the messages themselves.
 *
 * <pre>{@code
 * Prompt.of("Summarize the review.")
 *         .role("a helpful shop assistant")         // You are a helpful shop assistant.
 *         .audience("a 5-year-old")                  // Write for a 5-year-old.
 *         .format("Answer in 3 bullet points.")
 *         .tag("review")                             // the input goes between <review> and </review>
 *         .input("The kettle boils fast but the lid sticks.")
 * }</pre>
 */
public final class Prompt implements Displayable {
    /**
     * One few-shot example: {@code new Prompt.Example("I love this kettle.", "positive")}.
     *
     * @param input  what the example asks
     * @param output the answer wanted for it
     */
    public record Example(String input, String output) {
        public Example {
            Objects.requireNonNull(input, "example input");
            Objects.requireNonNull(output, "example output");
        }
    }

    /**
     * One labelled piece of a prompt, as {@link #parts()} lists it, e.g. {@code ("instruction", "Is this review
     * positive or negative?")}.
     *
     * @param label what the piece is: role, instruction, audience, format, example N input, example N output, input
     * @param text  the piece as the model reads it (delimiters included)
     */
    public record Part(String label, String text) {
    }

    private final String role;
    private final String instruction;
    private final String audience;
    private final String format;
    private final String open;
    private final String close;
    private final List<Example> examples;
    private final Map<String, String> fields;
    private final String input;

    private Prompt(String role, String instruction, String audience, String format, String open, String close,
                   List<Example> examples, Map<String, String> fields, String input) {
        this.role = role;
        this.instruction = instruction;
        this.audience = audience;
        this.format = format;
        this.open = open;
        this.close = close;
        this.examples = List.copyOf(examples);
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.input = input;
    }

    /** A prompt that starts with an instruction, e.g. {@code Prompt.of("Is this review positive or negative?")}. */
    public static Prompt of(String instruction) {
        return empty().instruction(instruction);
    }

    /** A prompt with no parts yet: {@code Prompt.empty().example("hot", "cold").input("big")} (few-shot only). */
    public static Prompt empty() {
        return new Prompt(null, null, null, null, "", "", List.of(), Map.of(), null);
    }

    // ---------------------------------------------------------------- the parts

    /** Sets the instruction, the task in words: {@code .instruction("Extract the order number.")}. */
    public Prompt instruction(String text) {
        return new Prompt(role, blankToNull(text), audience, format, open, close, examples, fields, input);
    }

    /**
     * Sets who the model should be. A description gets "You are " before it: {@code .role("a support agent")}
     * renders "You are a support agent."; text that already starts with "You" is used as it is.
     */
    public Prompt role(String who) {
        String text = blankToNull(who);
        if (text != null && !text.toLowerCase(Locale.ROOT).startsWith("you")) {
            text = sentence("You are " + text);
        }
        return new Prompt(text, instruction, audience, format, open, close, examples, fields, input);
    }

    /**
     * Sets whom the answer is for. A description starting with a small letter gets "Write for " before it:
     * {@code .audience("a 5-year-old")} renders "Write for a 5-year-old."; a sentence such as
     * {@code .audience("Explain it like I'm 5.")} is used as it is.
     */
    public Prompt audience(String whom) {
        String text = blankToNull(whom);
        if (text != null && Character.isLowerCase(text.charAt(0))) {
            text = sentence("Write for " + text);
        }
        return new Prompt(role, instruction, text, format, open, close, examples, fields, input);
    }

    /** Sets the shape of the answer, as a sentence: {@code .format("Answer in 3 bullet points.")}. */
    public Prompt format(String text) {
        return new Prompt(role, instruction, audience, blankToNull(text), open, close, examples, fields, input);
    }

    /**
     * Puts the input (and every example's input) between delimiters, so the model can tell instructions from
     * data: {@code .delimit("\"\"\"")} renders {@code """The lid broke."""}.
     */
    public Prompt delimit(String both) {
        return delimit(both, both);
    }

    /** Puts the input (and every example's input) between {@code open} and {@code close}: {@code .delimit("[", "]")}. */
    public Prompt delimit(String open, String close) {
        return new Prompt(role, instruction, audience, format, Objects.requireNonNullElse(open, ""),
                Objects.requireNonNullElse(close, ""), examples, fields, input);
    }

    /** Puts the input (and every example's input) in XML-style tags: {@code .tag("review")} renders {@code <review>...</review>}. */
    public Prompt tag(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("tag(\"" + name + "\"): a tag name is a word such as \"review\"");
        }
        return delimit("<" + name + ">", "</" + name + ">");
    }

    /** Adds a few-shot example: an input and the answer wanted for it. */
    public Prompt example(String input, String output) {
        List<Example> more = new ArrayList<>(examples);
        more.add(new Example(input, output));
        return new Prompt(role, instruction, audience, format, open, close, more, fields, this.input);
    }

    /** Adds several examples, given as input, output, input, output...: {@code .examples("hot", "cold", "big", "small")}. */
    public Prompt examples(String... inputsAndOutputs) {
        if (inputsAndOutputs.length % 2 != 0) {
            throw new IllegalArgumentException("examples(...) takes pairs (input, output, input, output, ...), but got "
                    + inputsAndOutputs.length + " strings: the last input has no output");
        }
        List<Example> more = new ArrayList<>();
        for (int i = 0; i < inputsAndOutputs.length; i += 2) {
            more.add(new Example(inputsAndOutputs[i], inputsAndOutputs[i + 1]));
        }
        return examples(more);
    }

    /** Adds several examples: {@code .examples(List.of(new Prompt.Example("hot", "cold")))}. */
    public Prompt examples(List<Example> more) {
        List<Example> all = new ArrayList<>(examples);
        all.addAll(more);
        return new Prompt(role, instruction, audience, format, open, close, all, fields, input);
    }

    /**
     * Adds every example of a dataset (its input and label) as few-shot examples:
     * {@code Prompt.of("Route the ticket.").examples(pool.head(4))}.
     */
    public Prompt examples(Dataset data) {
        return examples(data.stream().map(e -> new Example(e.input(), e.label())).toList());
    }

    /** The same as {@link #examples(String...)}, under the technique's name: {@code .fewShot("hot", "cold", "big", "small")}. */
    public Prompt fewShot(String... inputsAndOutputs) {
        return examples(inputsAndOutputs);
    }

    /** The prompt without its examples (to compare zero-shot with few-shot, or to budget them). */
    public Prompt withoutExamples() {
        return new Prompt(role, instruction, audience, format, open, close, List.of(), fields, input);
    }

    /**
     * Adds a named field to the input, one {@code name: value} line each, before the input text:
     * {@code .field("product", "kettle").field("review", "Boils fast.")}.
     */
    public Prompt field(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("field(name, value): the name is empty");
        }
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(name, String.valueOf(value));
        return new Prompt(role, instruction, audience, format, open, close, examples, more, input);
    }

    /** Sets the input to answer. */
    public Prompt input(String text) {
        return new Prompt(role, instruction, audience, format, open, close, examples, fields, text);
    }

    /** Sets the input by filling a template: {@code .input(Template.of("Review: {{r}}"), Map.of("r", text))}. */
    public Prompt input(Template template, Map<String, ?> values) {
        return input(template.fill(values));
    }

    // ---------------------------------------------------------------- reading it

    /** The instruction, or null. */
    public String instruction() {
        return instruction;
    }

    /** The examples, in order. */
    public List<Example> examples() {
        return examples;
    }

    /** The input as the model sees it (fields, text and delimiters), or null when there is none. */
    public String input() {
        return fields.isEmpty() && input == null ? null : delimited(inputBody());
    }

    /** The system message: role, instruction, audience and format, one per line; null when all are missing. */
    public String system() {
        List<String> lines = new ArrayList<>();
        for (String s : new String[] {role, instruction, audience, format}) {
            if (s != null) {
                lines.add(s);
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** The prompt as chat messages: a system message, examples as user/assistant turns, the input as a user turn. */
    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        String system = system();
        if (system != null) {
            messages.add(Message.system(system));
        }
        for (Example e : examples) {
            messages.add(Message.user(delimited(e.input())));
            messages.add(Message.assistant(e.output()));
        }
        String in = input();
        if (in != null) {
            messages.add(Message.user(in));
        }
        return messages;
    }

    /** The prompt as Tiny reads it (see {@link ChatFormat}); without an input it ends after the last example. */
    public String text() {
        return ChatFormat.render(messages());
    }

    /** The labelled parts, in the order the model reads them: role, instruction, audience, format, examples, input. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        add(parts, "role", role);
        add(parts, "instruction", instruction);
        add(parts, "audience", audience);
        add(parts, "format", format);
        for (int i = 0; i < examples.size(); i++) {
            parts.add(new Part("example " + (i + 1) + " input", delimited(examples.get(i).input())));
            parts.add(new Part("example " + (i + 1) + " output", examples.get(i).output()));
        }
        add(parts, "input", input());
        return parts;
    }

    /**
     * How many tokens of {@code model}'s encoding the prompt's text is: for Tiny exactly what it reads; for a chat
     * model the messages' text (the API adds a few tokens per message).
     */
    public int tokens(Model model) {
        return model.count(text());
    }

    /** How many tokens of {@code encoding} the prompt's text is: {@code prompt.count(Tokens.cl100k())}. */
    public int count(Encoding encoding) {
        return encoding.count(text());
    }

    /** A "prompt" display spec measured in Tiny's tokens: {@code {kind, parts: [{label, text}], tokens, encoding}}. */
    @Override
    public String toDisplay() {
        return toDisplay(Tokens.tiny());
    }

    /** A "prompt" display spec measured in {@code encoding}'s tokens. */
    public String toDisplay(Encoding encoding) {
        return Display.spec("prompt")
                .put("parts", parts())
                .put("tokens", count(encoding))
                .put("encoding", encoding.name())
                .json();
    }

    /** The prompt's text, as Tiny reads it. */
    @Override
    public String toString() {
        return text();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prompt p && parts().equals(p.parts());
    }

    @Override
    public int hashCode() {
        return parts().hashCode();
    }

    // ---------------------------------------------------------------- helpers

    private String inputBody() {
        List<String> lines = new ArrayList<>();
        fields.forEach((name, value) -> lines.add(name + ": " + value));
        if (input != null) {
            lines.add(input);
        }
        return String.join("\n", lines);
    }

    private String delimited(String text) {
        return open + text + close;
    }

    private static void add(List<Part> parts, String label, String text) {
        if (text != null) {
            parts.add(new Part(label, text));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Ends the text with a full stop unless it already ends with punctuation. */
    private static String sentence(String text) {
        char last = text.charAt(text.length() - 1);
        return ".!?:".indexOf(last) >= 0 ? text : text + ".";
    }
}
