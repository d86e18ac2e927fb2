package org.tunelab.play;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Structured output with a retry budget: asks a model for JSON, checks each answer against a {@link JsonShape}, and
 * asks again while the answer is invalid, at most {@link #tries(int) tries} times per input. The first try uses the
 * options as given (greedy by default); each retry samples at a temperature with another seed (1, 2, ...), so it can
 * give another answer. Immutable: each setting returns a changed copy.
 *
 * <pre>{@code
 * Structured asker = Structured.of(model, Prompt.empty(), ticketShape).tries(3).temperature(0.8);
 * Structured.Answer a = asker.ask("Hi, I was charged twice for order 48213. No rush. - Maria Smith");
 * a.valid(); a.tries(); a.fields(); a.problems()   // the problem of each failed try
 * Structured.Report r = asker.run(data);           // data's labels are JSON in the same shape
 * r.valid(); r.firstTry(); r.right(); r.callsPerInput()
 * }</pre>
 *
 * A retry costs a whole request, and it only helps a model that is sometimes right: one that never writes the shape
 * fails every try. Whatever the budget, an input can end without a valid answer; the program needs a plan for that
 * (a fallback, a person), never an unchecked answer.
 */
public final class Structured {
    private final Model model;
    private final Prompt prompt;
    private final JsonShape shape;
    private final int tries;
    private final double temperature;
    private final Options options;

    private Structured(Model model, Prompt prompt, JsonShape shape, int tries, double temperature, Options options) {
        this.model = model;
        this.prompt = prompt;
        this.shape = shape;
        this.tries = tries;
        this.temperature = temperature;
        this.options = options;
    }

    /**
     * Asks {@code model} with {@code prompt} (without its input: each call adds one) for answers in {@code shape}: one
     * try, then 0.8 for retries, answers of up to 80 tokens.
     */
    public static Structured of(Model model, Prompt prompt, JsonShape shape) {
        if (model == null || prompt == null || shape == null) {
            throw new IllegalArgumentException("Structured.of(model, prompt, shape): none of them may be null");
        }
        return new Structured(model, prompt, shape, 1, 0.8, Options.defaults().maxTokens(80));
    }

    /** The most requests per input, the first included: {@code tries(3)} is one try and up to two retries. */
    public Structured tries(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tries(" + n + "): at least 1 (the first try)");
        }
        return new Structured(model, prompt, shape, n, temperature, options);
    }

    /** The sampling temperature of the retries (the first try keeps the options' own, 0 by default). */
    public Structured temperature(double t) {
        if (t <= 0) {
            throw new IllegalArgumentException("temperature(" + t + "): retries need a temperature above 0, or they"
                    + " repeat the first answer");
        }
        return new Structured(model, prompt, shape, tries, t, options);
    }

    /** The options of the first try (maxTokens and stop strings hold for the retries too). */
    public Structured options(Options o) {
        return new Structured(model, prompt, shape, tries, temperature, o);
    }

    /** The shape answers are checked against. */
    public JsonShape shape() {
        return shape;
    }

    /** Asks about one input, retrying while the answer is invalid. */
    public Answer ask(String input) {
        Prompt p = prompt.input(input);
        List<Completion> calls = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonShape.Check check = null;
        for (int i = 0; i < tries; i++) {
            Options o = i == 0 ? options : options.temperature(temperature).seed(i);
            Completion c = model.complete(p, o);
            calls.add(c);
            check = shape.check(c.answer());
            if (check.valid()) {
                break;
            }
            problems.add(check.problem());
        }
        return new Answer(input, check, List.copyOf(calls), List.copyOf(problems));
    }

    /**
     * Asks about every input of {@code data} and compares each valid answer's fields with the example's label, which
     * must be JSON in the same shape (an example whose label is not fails here, naming it).
     */
    public Report run(Dataset data) {
        List<Map<String, String>> expected = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonShape.Check label = shape.check(data.get(i).label());
            if (!label.valid()) {
                throw new IllegalArgumentException("example " + (i + 1) + "'s label is not in the shape (" + label.problem()
                        + "): run() compares answers with labels written as JSON in " + shape + "; use ask() for inputs"
                        + " without such labels");
            }
            expected.add(label.fields());
        }
        List<Answer> answers = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Answer a = ask(data.get(i).input());
            answers.add(a);
            right.add(a.valid() && a.fields().equals(expected.get(i)));
        }
        return new Report(model.name(), tries, List.copyOf(answers), List.copyOf(right));
    }

    /**
     * One input's outcome.
     *
     * @param input    the input asked about
     * @param check    the check of the last answer (the valid one, or the last invalid one)
     * @param calls    every request made, in order
     * @param problems what was wrong with each invalid answer, in order
     */
    public record Answer(String input, JsonShape.Check check, List<Completion> calls, List<String> problems) {
        /** Whether a valid answer came within the budget. */
        public boolean valid() {
            return check.valid();
        }

        /** How many requests it took (all of the budget when none was valid). */
        public int tries() {
            return calls.size();
        }

        /** The valid answer's fields, or an empty map. */
        public Map<String, String> fields() {
            return check.fields();
        }

        /** The last answer's text. */
        public String text() {
            return calls.get(calls.size() - 1).answer();
        }

        @Override
        public String toString() {
            return (valid() ? "valid after " + tries() + (tries() == 1 ? " try: " : " tries: ") + fields()
                    : "no valid answer in " + tries() + (tries() == 1 ? " try" : " tries") + "; last: " + check.problem());
        }
    }

    /**
     * What {@link #run(Dataset)} measured: how often the model gave valid JSON, how soon, and how often its fields were
     * right. Shown as a table of the inputs, titled with the {@link #summary()}.
     *
     * @param model   the model's name
     * @param budget  the tries allowed per input
     * @param answers one per input, in order
     * @param correct per input, whether a valid answer's fields equal the label's
     */
    public record Report(String model, int budget, List<Answer> answers, List<Boolean> correct) implements Tabular {
        /** The share of inputs with a valid answer within the budget. */
        public double valid() {
            return share(answers.stream().filter(Answer::valid).count());
        }

        /** The share of inputs whose first answer was valid: the valid rate with no retries. */
        public double firstTry() {
            return share(answers.stream().filter(a -> a.valid() && a.tries() == 1).count());
        }

        /** The share of inputs with a valid answer whose fields all equal the label's. */
        public double right() {
            return share(correct.stream().filter(r -> r).count());
        }

        /** Requests made per input, on average (1 without retries). */
        public double callsPerInput() {
            return answers.isEmpty() ? Double.NaN : (double) calls() / answers.size();
        }

        /** Requests made in all. */
        public int calls() {
            return answers.stream().mapToInt(Answer::tries).sum();
        }

        /** How many inputs were asked about. */
        public int n() {
            return answers.size();
        }

        /** One line: {@code "tiny, up to 3 tries: valid 0.95 (0.8 on the first try), right 0.5, 1.3 requests per input"}. */
        public String summary() {
            return model + ", up to " + budget + (budget == 1 ? " try" : " tries") + ": valid " + Table.text(valid())
                    + " (" + Table.text(firstTry()) + " on the first try), right " + Table.text(right()) + ", "
                    + Table.text(callsPerInput()) + (callsPerInput() == 1 ? " request" : " requests") + " per input";
        }

        /** Each input with its tries, whether it ended valid and right, and the answer or the last problem. */
        @Override
        public Table table() {
            Table t = Table.of("input", "tries", "valid", "right", "answer or problem").title(summary());
            for (int i = 0; i < answers.size(); i++) {
                Answer a = answers.get(i);
                t.row(a.input(), a.tries(), a.valid(), correct.get(i), a.valid() ? a.text() : a.check().problem());
            }
            return t;
        }

        @Override
        public String toString() {
            return summary();
        }

        private double share(long count) {
            return answers.isEmpty() ? Double.NaN : (double) count / answers.size();
        }
    }
}
