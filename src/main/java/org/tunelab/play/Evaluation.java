package org.tunelab.play;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * How well a model and a prompt answer a dataset: each example's input goes into the prompt, and the model's answer
 * ({@link Completion#answer()}, without surrounding spaces) is compared with the example's label. Immutable; each
 * method returns a changed copy.
 *
 * <pre>{@code
 * Dataset data = Datasets.sentiment(40, 1);
 * Prompt fewShot = Prompt.of("Is this review positive or negative?")
 *         .example("I love this kettle.", "positive").example("The lid broke in a week.", "negative");
 * EvalResult r = Evaluation.of(Models.tiny(), fewShot).run(data);
 * r.accuracy()          // 0.95
 * r.wrong()             // the cases it got wrong: input, expected, got
 * r.confusion()         // labels x answers, "other" for answers that are no label
 * }</pre>
 *
 * <p>Answers are compared exactly, or ignoring case ({@link #ignoreCase()}). The model answers with
 * {@link #defaultOptions()} unless you give others: greedy, at most 16 tokens, ending at the end of the line, as
 * labels are one line. While it runs, a cell shows a progress bar.
 *
 * <p>Also: how consistent the answers are across paraphrased instructions ({@link #paraphrases}) and across
 * sampling seeds ({@link #seeds}), and a comparison of several models and prompts in one table and chart
 * ({@link #compare}).
 */
public final class Evaluation {
    private final Model model;
    private final Prompt prompt;
    private final Template template; // null: the input goes in as it is
    private final Options options;
    private final boolean ignoreCase;
    private final boolean progress;
    private final ExampleSelector selector; // null: the prompt's own examples only

    private Evaluation(Model model, Prompt prompt, Template template, Options options, boolean ignoreCase, boolean progress) {
        this(model, prompt, template, options, ignoreCase, progress, null);
    }

    private Evaluation(Model model, Prompt prompt, Template template, Options options, boolean ignoreCase, boolean progress,
                       ExampleSelector selector) {
        this.model = Objects.requireNonNull(model, "model");
        this.prompt = checkNoInput(Objects.requireNonNull(prompt, "prompt"));
        this.template = template == null ? null : checkOneSlot(template);
        this.options = Objects.requireNonNull(options, "options");
        this.ignoreCase = ignoreCase;
        this.progress = progress;
        this.selector = selector;
    }

    /**
     * Evaluates {@code model} answering {@code prompt}, a prompt without an input: each example's input becomes its
     * input. <pre>{@code Evaluation.of(Models.tiny(), Prompt.of("Is this review positive or negative?"))}</pre>
     */
    public static Evaluation of(Model model, Prompt prompt) {
        return new Evaluation(model, prompt, null, defaultOptions(), false, true);
    }

    /**
     * Evaluates {@code model} answering a template with one slot, filled with each example's input and sent as the
     * user's message. <pre>{@code Evaluation.of(tiny, Template.of("Review: {{review}}\nPositive or negative?"))}</pre>
     */
    public static Evaluation of(Model model, Template template) {
        return new Evaluation(model, Prompt.empty(), Objects.requireNonNull(template, "template"), defaultOptions(), false, true);
    }

    /**
     * Evaluates {@code model} answering {@code prompt} (instruction, examples) with a template of one slot as its
     * input. <pre>{@code Evaluation.of(tiny, Prompt.of("Classify."), Template.of("Review: {{review}}"))}</pre>
     */
    public static Evaluation of(Model model, Prompt prompt, Template template) {
        return new Evaluation(model, prompt, Objects.requireNonNull(template, "template"), defaultOptions(), false, true);
    }

    /**
     * Starts a comparison of several models and prompts on one dataset, shown as one table and one bar chart.
     * <pre>{@code
     * Evaluation.compare(data).add("4-shot base", tiny, fewShot).add("tuned", tuned, short).run().show()
     * }</pre>
     */
    public static Comparison.Builder compare(Dataset data) {
        return new Comparison.Builder(data);
    }

    /**
     * How an evaluation asks by default: greedy (temperature 0), at most 16 tokens, stopping at the end of the line.
     * <pre>{@code Evaluation.defaultOptions().maxTokens(4)}</pre>
     */
    public static Options defaultOptions() {
        return Options.defaults().maxTokens(16).stop("\n");
    }

    /** The same evaluation with other options: {@code evaluation.options(Options.defaults().maxTokens(4))}. */
    public Evaluation options(Options options) {
        return new Evaluation(model, prompt, template, options, ignoreCase, progress, selector);
    }

    /** The same evaluation counting "Positive" as right for "positive": {@code evaluation.ignoreCase()}. */
    public Evaluation ignoreCase() {
        return new Evaluation(model, prompt, template, options, true, progress, selector);
    }

    /** The same evaluation without a progress bar: {@code evaluation.quiet()}. */
    public Evaluation quiet() {
        return new Evaluation(model, prompt, template, options, ignoreCase, false, selector);
    }

    /**
     * The same evaluation with few-shot examples chosen for each input (after the prompt's own):
     * {@code evaluation.examples(ExampleSelector.bm25(pool, 4))}.
     */
    public Evaluation examples(ExampleSelector selector) {
        return new Evaluation(model, prompt, template, options, ignoreCase, progress, Objects.requireNonNull(selector, "selector"));
    }

    /** The model evaluated. */
    public Model model() {
        return model;
    }

    /** The prompt each input goes into (without an input). */
    public Prompt prompt() {
        return prompt;
    }

    /** The options the model answers with. */
    public Options options() {
        return options;
    }

    /** Whether answers are compared ignoring case. */
    public boolean ignoresCase() {
        return ignoreCase;
    }

    /** The prompt for one input: its chosen examples, if any, and the template filled with it, if there is one, as the prompt's input. */
    public Prompt promptFor(String input) {
        Prompt prompt = selector == null ? this.prompt : this.prompt.examples(selector.select(input));
        return prompt.input(template == null ? input : template.fill(template.slots().iterator().next(), input));
    }

    // ---------------------------------------------------------------- accuracy

    /**
     * Asks the model once per example and scores the answers.
     * <pre>{@code Evaluation.of(tiny, fewShot).run(Datasets.sentiment(40, 1)).accuracy()}</pre>
     */
    public EvalResult run(Dataset data) {
        return run(data, model.name());
    }

    EvalResult run(Dataset data, String name) {
        Progress bar = progress ? new Progress("Evaluating " + name, data.size()) : null;
        List<EvalResult.Case> cases = new ArrayList<>(data.size());
        for (Example e : data) {
            Completion c = model.complete(promptFor(e.input()), options);
            cases.add(new EvalResult.Case(e.input(), e.label(), c.answer(), same(c.answer(), e.label()), c.promptTokens(),
                    c.completionTokens(), c.latency()));
            if (bar != null) {
                bar.advance();
            }
        }
        return new EvalResult(name, model.name(), data.labelSet(), cases, ignoreCase);
    }

    // ---------------------------------------------------------------- consistency

    /**
     * Asks every example once per instruction (each replacing the prompt's instruction) and measures how often the
     * wordings agree. <pre>{@code
     * evaluation.paraphrases(data, "Is this review positive or negative?", "Positive or negative?", "Sentiment?")
     * }</pre>
     */
    public Consistency paraphrases(Dataset data, String... instructions) {
        List<Evaluation> variants = new ArrayList<>();
        for (String instruction : instructions) {
            variants.add(new Evaluation(model, prompt.instruction(instruction), template, options, ignoreCase, progress, selector));
        }
        return consistency("Consistency across " + instructions.length + " instructions", data, List.of(instructions), variants);
    }

    /**
     * Asks every example once per prompt and measures how often the prompts agree; each prompt is without an input.
     * <pre>{@code Evaluation.paraphrases(tiny, data, Prompt.of("Positive or negative?"), Prompt.of("Sentiment?"))}</pre>
     */
    public static Consistency paraphrases(Model model, Dataset data, Prompt... prompts) {
        List<Evaluation> variants = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < prompts.length; i++) {
            variants.add(of(model, prompts[i]));
            names.add(prompts[i].instruction() == null ? "prompt " + (i + 1) : prompts[i].instruction());
        }
        return consistency("Consistency across " + prompts.length + " prompts", data, names, variants);
    }

    /**
     * Asks every example with {@code seeds} sampling seeds (0, 1, ...) at a temperature and measures how often an
     * answer is the example's most common one. <pre>{@code evaluation.seeds(data, 0.8, 5).agreement()}</pre>
     */
    public Consistency seeds(Dataset data, double temperature, int seeds) {
        if (seeds < 2) {
            throw new IllegalArgumentException("seeds(data, temperature, " + seeds + "): compare at least 2 seeds");
        }
        List<Evaluation> variants = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            variants.add(options(options.temperature(temperature).seed(s)));
            names.add("seed " + s);
        }
        return consistency("Consistency across " + seeds + " seeds at temperature " + Table.text(temperature), data, names,
                variants);
    }

    private static Consistency consistency(String title, Dataset data, List<String> names, List<Evaluation> variants) {
        if (variants.size() < 2) {
            throw new IllegalArgumentException(title + ": give at least 2 to compare, got " + variants.size());
        }
        List<EvalResult> results = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            results.add(variants.get(v).run(data, names.get(v)));
        }
        return Consistency.of(title, names, results);
    }

    // ---------------------------------------------------------------- helpers

    boolean same(String answer, String label) {
        return ignoreCase ? answer.equalsIgnoreCase(label) : answer.equals(label);
    }

    static Function<String, String> key(boolean ignoreCase) {
        return ignoreCase ? s -> s.toLowerCase(Locale.ROOT) : s -> s;
    }

    private static Prompt checkNoInput(Prompt prompt) {
        if (prompt.input() != null) {
            throw new IllegalArgumentException("Evaluation: the prompt already has an input (\"" + prompt.input()
                    + "\"); give it without one: each example's input goes in its place");
        }
        return prompt;
    }

    private static Template checkOneSlot(Template template) {
        if (template.slots().size() != 1) {
            throw new IllegalArgumentException("Evaluation: the template " + template.slots() + " needs exactly one slot"
                    + " for each example's input, e.g. Template.of(\"Review: {{review}}\")");
        }
        return template;
    }

    @Override
    public String toString() {
        return "Evaluation of " + model.name() + " with " + (template == null ? "" : "template " + template + " in ")
                + "prompt\n" + prompt.text();
    }

    /**
     * A progress bar under one id, redrawn at most about 4 times a second (and once at the end), only inside a
     * kernel: outside one it would print a line per update.
     */
    static final class Progress implements Displayable {
        private static final long EVERY_NANOS = 250_000_000L;

        private final String id;
        private final String label;
        private final int max;
        private int value;
        private long last;

        Progress(String label, int max) {
            this.id = "progress-" + Long.toHexString(System.nanoTime()) + "-" + Integer.toHexString(System.identityHashCode(this));
            this.label = label;
            this.max = max;
            this.last = System.nanoTime();
            show();
        }

        void advance() {
            value++;
            long now = System.nanoTime();
            if (value == max || now - last >= EVERY_NANOS) {
                last = now;
                show();
            }
        }

        private void show() {
            if (Display.rich()) {
                Display.update(id, this);
            }
        }

        /** The spec {@code {"kind": "progress", "id", "label", "value", "max"}}. */
        @Override
        public String toDisplay() {
            return Display.spec("progress").put("id", id).put("label", label + " (" + value + "/" + max + ")")
                    .put("value", value).put("max", max).json();
        }

        @Override
        public String toString() {
            return label + ": " + value + "/" + max;
        }
    }
}
