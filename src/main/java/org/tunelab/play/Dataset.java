package org.tunelab.play;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Training examples for fine-tuning, read from and written to JSONL in OpenAI's formats (chat
 * {@code {"messages": [...]}} or {@code {"prompt": ..., "completion": ...}}), checked, measured, split and
 * turned into what Tiny trains on. Immutable: every method that changes something returns a new dataset.
 *
 * <pre>{@code
 * Dataset data = Datasets.supportTickets(200, 7);        // or Dataset.load(Path.of("tickets.jsonl"))
 * Dataset.Split s = data.split(0.2, 7);
 * s.train().stats(Tokens.tiny())
 * s.train().toTinyExamples()                             // for lm.FineTuner
 * }</pre>
 *
 * <p>{@link #load(Path)} is strict: a file with errors throws a {@link DatasetException} that lists the first
 * ones with their lines. For a lenient load, {@code Dataset.check(path).valid()} keeps the good lines.
 */
public final class Dataset implements Iterable<Example>, Tabular {
    /** How many examples the display table shows. */
    static final int SHOWN = 10;

    private final String name;
    private final List<Example> examples;

    private Dataset(String name, List<Example> examples) {
        this.name = name;
        this.examples = examples;
    }

    /**
     * A train/validation split; see {@link #split(double, long)}.
     *
     * @param train      the examples to train on
     * @param validation the held-out examples
     */
    public record Split(Dataset train, Dataset validation) {
        @Override
        public String toString() {
            return "train " + train.size() + " examples, validation " + validation.size();
        }
    }

    // ---------------------------------------------------------------- making one

    /**
     * A dataset of examples built in code.
     * <pre>{@code Dataset.of(List.of(Example.of("Parcel lost.", "shipping"), Example.of("Billed twice.", "billing")))}</pre>
     */
    public static Dataset of(List<Example> examples) {
        for (int i = 0; i < examples.size(); i++) {
            Objects.requireNonNull(examples.get(i), "example " + i);
        }
        return new Dataset("dataset", List.copyOf(examples));
    }

    /** A dataset of the given examples: {@code Dataset.of(Example.of("a", "b"), Example.of("c", "d"))}. */
    public static Dataset of(Example... examples) {
        return of(Arrays.asList(examples));
    }

    /**
     * Reads a JSONL file (chat or prompt/completion format), strictly.
     * <pre>{@code Dataset.load(Path.of("tickets.jsonl"))}</pre>
     *
     * @throws DatasetException      if any line has an error (the message lists the first few, with lines)
     * @throws UncheckedIOException  if the file cannot be read
     */
    public static Dataset load(Path path) {
        return strict(DataCheck.of(path.toString(), read(path), null, 0));
    }

    /** Reads a JSONL file named by a string: {@code Dataset.load("tickets.jsonl")}; see {@link #load(Path)}. */
    public static Dataset load(String path) {
        return load(Path.of(path));
    }

    /**
     * Parses JSONL text, strictly.
     * <pre>{@code Dataset.parse("""
     *     {"messages": [{"role": "user", "content": "Parcel lost."}, {"role": "assistant", "content": "shipping"}]}
     *     """)}</pre>
     *
     * @throws DatasetException if any line has an error
     */
    public static Dataset parse(String jsonl) {
        return strict(DataCheck.of("jsonl", jsonl, null, 0));
    }

    private static Dataset strict(DataCheck check) {
        if (!check.ok()) {
            throw new DatasetException(check);
        }
        return check.valid();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no file " + path + " (looked in " + path.toAbsolutePath().getParent() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e, e);
        }
    }

    // ---------------------------------------------------------------- checking

    /**
     * Checks a JSONL file without loading it: every error and warning with its line.
     * <pre>{@code Dataset.check(Path.of("tickets.jsonl"))}</pre>
     */
    public static DataCheck check(Path path) {
        return DataCheck.of(path.toString(), read(path), null, 0);
    }

    /**
     * Checks a JSONL file, including that each example fits {@code model}'s context window in its tokens.
     * <pre>{@code Dataset.check(Path.of("tickets.jsonl"), Models.tiny())     // Tiny's tokens, at most 256}</pre>
     */
    public static DataCheck check(Path path, Model model) {
        return check(path, model.encoding(), model.contextWindow());
    }

    /**
     * Checks a JSONL file, including that no example is over {@code maxTokens} tokens of {@code encoding}.
     * <pre>{@code Dataset.check(Path.of("tickets.jsonl"), Tokens.cl100k(), 4096)}</pre>
     */
    public static DataCheck check(Path path, Encoding encoding, int maxTokens) {
        return DataCheck.of(path.toString(), read(path), Objects.requireNonNull(encoding, "encoding"), maxTokens);
    }

    /**
     * Checks JSONL text (not a file name: for a file pass a {@link Path}).
     * <pre>{@code Dataset.check("{\"messages\": []}")      // line 1: missing_messages}</pre>
     */
    public static DataCheck check(String jsonl) {
        return DataCheck.of("jsonl", jsonl, null, 0);
    }

    /** Checks JSONL text, with the token limit of {@code model}; see {@link #check(Path, Model)}. */
    public static DataCheck check(String jsonl, Model model) {
        return check(jsonl, model.encoding(), model.contextWindow());
    }

    /** Checks JSONL text, with a token limit; see {@link #check(Path, Encoding, int)}. */
    public static DataCheck check(String jsonl, Encoding encoding, int maxTokens) {
        return DataCheck.of("jsonl", jsonl, Objects.requireNonNull(encoding, "encoding"), maxTokens);
    }

    /**
     * Checks this dataset as it would be saved (example i is line i + 1): empty content, duplicates, short
     * examples, label imbalance.
     * <pre>{@code Datasets.sentiment(100, 1).check()}</pre>
     */
    public DataCheck check() {
        return DataCheck.of(this, null, 0);
    }

    /** Checks this dataset, including the token limit of {@code model}: {@code data.check(Models.tiny())}. */
    public DataCheck check(Model model) {
        return check(model.encoding(), model.contextWindow());
    }

    /** Checks this dataset, including a token limit: {@code data.check(Tokens.cl100k(), 4096)}. */
    public DataCheck check(Encoding encoding, int maxTokens) {
        return DataCheck.of(this, Objects.requireNonNull(encoding, "encoding"), maxTokens);
    }

    // ---------------------------------------------------------------- saving

    /**
     * Writes the dataset as JSONL, each example in its own format, one per line.
     * <pre>{@code data.save(Path.of("tickets.jsonl"))}</pre>
     */
    public void save(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, toJsonl(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e, e);
        }
    }

    /** The dataset as JSONL text, one example a line, ending with a newline. */
    public String toJsonl() {
        StringBuilder b = new StringBuilder();
        for (Example e : examples) {
            b.append(e.toJson()).append('\n');
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- reading

    /** How many examples. */
    public int size() {
        return examples.size();
    }

    /** Example {@code i} (from 0; line i + 1 of the file). */
    public Example get(int i) {
        if (i < 0 || i >= examples.size()) {
            throw new IndexOutOfBoundsException("example " + i + " of " + name + ", which has " + examples.size() + " (from 0)");
        }
        return examples.get(i);
    }

    /** The examples, as an unmodifiable list. */
    public List<Example> examples() {
        return examples;
    }

    /** The examples as a stream: {@code data.stream().filter(e -> e.label().equals("billing")).count()}. */
    public Stream<Example> stream() {
        return examples.stream();
    }

    @Override
    public Iterator<Example> iterator() {
        return examples.iterator();
    }

    /** A name for display: the file, the course dataset, or "dataset". */
    public String name() {
        return name;
    }

    /** This dataset under another name (shown in tables and reports). */
    public Dataset named(String name) {
        return new Dataset(Objects.requireNonNull(name, "name"), examples);
    }

    /** Each example's label (its last assistant message), in order: {@code data.labels().get(0)}. */
    public List<String> labels() {
        return examples.stream().map(Example::label).toList();
    }

    /** The distinct labels, sorted: {@code [account, billing, shipping, technical]}. */
    public List<String> labelSet() {
        return examples.stream().map(Example::label).distinct().sorted().toList();
    }

    /** How often each label occurs, most frequent first (ties by label). */
    public Map<String, Long> labelCounts() {
        Map<String, Long> counts = examples.stream().collect(Collectors.groupingBy(Example::label, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Whether label counts look like a classification set: 2+ labels, each used twice on average. */
    static boolean looksLikeClassification(Map<String, Long> counts, int size) {
        return counts.size() >= 2 && counts.size() * 2 <= size;
    }

    /**
     * Statistics: examples, token counts (total, min, mean, p50, p95, max) in {@code encoding}, label counts.
     * <pre>{@code data.stats(Tokens.tiny())}</pre>
     */
    public DatasetStats stats(Encoding encoding) {
        return DatasetStats.of(this, encoding);
    }

    /** Statistics in Tiny's tokens; see {@link #stats(Encoding)}. */
    public DatasetStats stats() {
        return stats(Tokens.tiny());
    }

    // ---------------------------------------------------------------- changing

    /**
     * A seeded random split: {@code round(fraction * size)} examples for validation, the rest for training,
     * each part in the original order.
     * <pre>{@code Dataset.Split s = data.split(0.2, 42);   s.train()   s.validation()}</pre>
     */
    public Split split(double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction <= 1)) {
            throw new IllegalArgumentException("split(" + validationFraction + ", seed): the validation fraction is between 0 and 1, e.g. 0.2");
        }
        int[] order = permutation(examples.size(), seed);
        int nValidation = (int) Math.round(validationFraction * examples.size());
        return new Split(pick(Arrays.copyOfRange(order, nValidation, order.length), true).named(name + "/train"),
                pick(Arrays.copyOfRange(order, 0, nValidation), true).named(name + "/validation"));
    }

    /**
     * {@code n} examples drawn at random without replacement, in the original order.
     * <pre>{@code data.sample(50, 1)}</pre>
     */
    public Dataset sample(int n, long seed) {
        if (n < 0 || n > examples.size()) {
            throw new IllegalArgumentException("sample(" + n + ", seed): " + name + " has " + examples.size() + " examples");
        }
        return pick(Arrays.copyOf(permutation(examples.size(), seed), n), true);
    }

    /** The examples in a seeded random order: {@code data.shuffle(3)}. */
    public Dataset shuffle(long seed) {
        return pick(permutation(examples.size(), seed), false);
    }

    /** The first {@code n} examples (all if there are fewer): {@code data.head(5)}. */
    public Dataset head(int n) {
        return new Dataset(name, examples.subList(0, Math.max(0, Math.min(n, examples.size()))));
    }

    /**
     * Label noise for experiments: exactly {@code round(fraction * size)} examples, chosen at random, get a
     * different label drawn from the dataset's other labels. The same seed changes the same examples.
     * <pre>{@code Dataset noisy = data.withLabelNoise(0.2, 7);    // 20% wrong labels}</pre>
     */
    public Dataset withLabelNoise(double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("withLabelNoise(" + fraction + ", seed): the fraction is between 0 and 1, e.g. 0.2");
        }
        List<String> labels = labelSet();
        int n = (int) Math.round(fraction * examples.size());
        if (n > 0 && labels.size() < 2) {
            throw new IllegalArgumentException("withLabelNoise: " + name + " has " + labels.size()
                    + " distinct label(s); noise needs at least two to swap between");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = permutation(examples.size(), random);
        List<Example> noisy = new ArrayList<>(examples);
        for (int k = 0; k < n; k++) {
            Example e = noisy.get(order[k]);
            List<String> others = new ArrayList<>(labels);
            others.remove(e.label());
            noisy.set(order[k], e.withLabel(others.get(random.nextInt(others.size()))));
        }
        return new Dataset(name, List.copyOf(noisy));
    }

    /** This dataset's examples followed by {@code other}'s: {@code a.concat(b)}. */
    public Dataset concat(Dataset other) {
        List<Example> all = new ArrayList<>(examples);
        all.addAll(other.examples);
        return new Dataset(name, List.copyOf(all));
    }

    /** Every example with {@code instruction} as its system message; see {@link Example#withInstruction}. */
    public Dataset withInstruction(String instruction) {
        return map(e -> e.withInstruction(instruction));
    }

    /** Every example changed by {@code change}: {@code data.map(e -> e.withLabel(e.label().toUpperCase()))}. */
    public Dataset map(Function<Example, Example> change) {
        return new Dataset(name, examples.stream().map(change).map(Objects::requireNonNull).toList());
    }

    /**
     * The examples as Tiny trains on them ({@link Example#toTiny()}), for {@code org.tunelab.lm.FineTuner}.
     * <pre>{@code data.toTinyExamples().get(0).prompt()     // "Input: ...\nOutput:"}</pre>
     */
    public List<org.tunelab.lm.Example> toTinyExamples() {
        return toTinyExamples(null);
    }

    /** The examples as Tiny trains on them, each after {@code prompt}'s instruction and worked examples. */
    public List<org.tunelab.lm.Example> toTinyExamples(Prompt prompt) {
        return examples.stream().map(e -> e.toTiny(prompt)).toList();
    }

    /**
     * The examples in the prompt/completion format, with Tiny's text: prompt ending in "Output:", completion
     * {@code " " + label}.
     */
    public Dataset toPromptCompletion() {
        return map(e -> {
            org.tunelab.lm.Example t = e.toTiny();
            return Example.completion(t.prompt(), t.completion());
        });
    }

    private static int[] permutation(int n, long seed) {
        return permutation(n, new SplittableRandom(seed));
    }

    /** A Fisher-Yates shuffle of 0..n-1. */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private Dataset pick(int[] indices, boolean keepOrder) {
        int[] chosen = indices.clone();
        if (keepOrder) {
            Arrays.sort(chosen);
        }
        List<Example> out = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            out.add(examples.get(i));
        }
        return new Dataset(name, List.copyOf(out));
    }

    // ---------------------------------------------------------------- showing

    /** The first 10 examples as a table: #, input, label. */
    public Table table() {
        Table t = Table.of("#", "input", "label").title(this + (size() > SHOWN ? " (first " + SHOWN + ")" : ""));
        for (int i = 0; i < Math.min(SHOWN, size()); i++) {
            t.row(i, examples.get(i).input(), examples.get(i).label());
        }
        return t;
    }

    /** E.g. {@code "support-tickets: 200 examples (chat), 4 labels"}. */
    @Override
    public String toString() {
        long chat = examples.stream().filter(Example::isChat).count();
        String format = examples.isEmpty() ? "" : chat == size() ? " (chat)" : chat == 0 ? " (prompt/completion)" : " (mixed formats)";
        Map<String, Long> counts = labelCounts();
        String labels = looksLikeClassification(counts, size()) ? ", " + counts.size() + " labels" : "";
        return name + ": " + size() + (size() == 1 ? " example" : " examples") + format + labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && examples.equals(d.examples);
    }

    @Override
    public int hashCode() {
        return examples.hashCode();
    }
}
