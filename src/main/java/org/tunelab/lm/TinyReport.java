package org.tunelab.lm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code tiny-report}: measures a checkpoint on freshly generated held-out data (seeds that
 * pretraining never used) and prints markdown tables (a)-(g) of issue 10 and (h)-(i) of issue 23.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/classes org.tunelab.lm.TinyReport \
 *      [--model PATH] [--n 50] [--threads N] [--out docs/tiny-report.md]
 * </pre>
 * Accuracy is exact match of the greedy completion (up to the first newline, trimmed) with the
 * expected output, over n prompts per cell.
 */
public final class TinyReport {

    private final Tiny base;
    private final Corpus corpus = new Corpus();
    private final int n;
    private final int threads;
    private final StringBuilder md = new StringBuilder();
    private HeldOutTests heldOut;
    private static final long EVAL_SEED = 0xE7A1_0000L; // pretraining uses small seeds

    private TinyReport(Tiny base, int n, int threads) {
        this.base = base;
        this.n = n;
        this.threads = threads;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = TrainBase.flags(args);
        Tiny tiny = a.containsKey("model") ? Tiny.load(Path.of(a.get("model"))) : Tiny.load();
        TinyReport r = new TinyReport(tiny, Integer.parseInt(a.getOrDefault("n", "50")),
                Integer.parseInt(a.getOrDefault("threads", "" + Runtime.getRuntime().availableProcessors())));
        String cmd = "java --add-modules jdk.incubator.vector -cp target/classes org.tunelab.lm.TinyReport " + String.join(" ", args);
        String parts = a.getOrDefault("only", "abcdefghi");
        if (parts.contains("h") || parts.contains("i")) {
            r.heldOut = new HeldOutTests(Lexicon.load(Path.of(a.getOrDefault("sources", "data/tiny-sources/node_modules"))));
        }
        r.run(cmd, parts);
        if (a.containsKey("out")) Files.writeString(Path.of(a.get("out")), r.md.toString());
    }

    private void line(String s) {
        System.out.println(s);
        System.out.flush();
        md.append(s).append('\n');
    }

    private void run(String cmd, String parts) {
        long t0 = System.nanoTime();
        line("# Tiny report");
        line("");
        line("Made by `" + cmd + "` on " + Instant.now() + ", model `" + base.id() + "` ("
                + base.config().parameterCount() + " parameters, " + base.config() + ", kernel " + base.kernel().name()
                + "), n = " + n + " held-out prompts per cell, greedy decoding, exact match.");
        line("");
        List<String> cls = List.of("sentiment", "department", "urgency", "topic", "spam");
        if (parts.contains("a")) partA(cls);
        if (parts.contains("b")) partB();
        if (parts.contains("c")) partC();
        if (parts.contains("d") || parts.contains("e") || parts.contains("f")) partDEF(cls, parts);
        if (parts.contains("g")) partG();
        if (parts.contains("h")) partH();
        if (parts.contains("i")) partI();
        line("");
        line(String.format("Report took %.0f s.", (System.nanoTime() - t0) / 1e9));
    }

    // ------------------------------------------------------------------ (a)
    private void partA(List<String> tasks) {
        line("## (a) Instructions: trained wordings, held-out wordings, no instruction");
        line("");
        line("| task | trained wordings | held-out wordings | no instruction |");
        line("|---|---|---|---|");
        double[] sum = new double[3];
        for (String name : tasks) {
            Corpus.Task t = corpus.task(name);
            double[] acc = new double[3];
            for (int mode = 0; mode < 3; mode++) {
                SplittableRandom r = new SplittableRandom(EVAL_SEED + name.hashCode() + mode);
                List<Example> ex = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    List<String> w = mode == 0 ? t.trainedWordings() : t.heldOutWordings();
                    String instr = mode == 2 ? null : w.get(r.nextInt(w.size()));
                    Corpus.Example e = t.sample(r);
                    ex.add(new Example(Corpus.prompt(instr, List.of(), e.input()), " " + e.output()));
                }
                acc[mode] = accuracy(base, ex);
                sum[mode] += acc[mode];
            }
            line(String.format("| %s | %.2f | %.2f | %.2f |", name, acc[0], acc[1], acc[2]));
        }
        line(String.format("| **mean** | **%.2f** | **%.2f** | **%.2f** |", sum[0] / tasks.size(), sum[1] / tasks.size(), sum[2] / tasks.size()));
        line("");
    }

    // ------------------------------------------------------------------ (b)
    private void partB() {
        line("## (b) Few-shot, no instruction: k demos, known labels vs labels invented per episode");
        line("");
        int[] ks = {0, 1, 2, 4, 8};
        line("| task | labels | k=0 | k=1 | k=2 | k=4 | k=8 |");
        line("|---|---|---|---|---|---|---|");
        for (String name : List.of("sentiment", "topic", "spam")) {
            Corpus.Task t = corpus.task(name);
            for (boolean invented : new boolean[] {false, true}) {
                StringBuilder row = new StringBuilder("| " + name + " | " + (invented ? "invented" : "known") + " |");
                for (int k : ks) {
                    SplittableRandom r = new SplittableRandom(EVAL_SEED + 7 * k + (invented ? 1000 : 0) + name.hashCode());
                    List<Example> ex = new ArrayList<>();
                    for (int i = 0; i < n; i++) ex.add(episode(t, k, null, invented ? Corpus.inventLabels(r, t.labels().size()) : null, r));
                    row.append(String.format(" %.2f |", accuracy(base, ex)));
                }
                line(row.toString());
            }
        }
        line("");
    }

    private Example episode(Corpus.Task t, int k, String instruction, List<String> remap, SplittableRandom r) {
        List<Corpus.Example> demos = new ArrayList<>();
        for (int i = 0; i < k; i++) demos.add(Corpus.relabel(t, t.sample(r), remap));
        Corpus.Example q = Corpus.relabel(t, t.sample(r), remap);
        return new Example(Corpus.prompt(instruction, demos, q.input()), " " + q.output());
    }

    // ------------------------------------------------------------------ (c)
    private void partC() {
        int ctx = base.config().contextLength();
        line("## (c) Prompt tokens of k-shot prompts against the context limit (" + ctx + " tokens)");
        line("");
        line("| task | k=0 | k=1 | k=2 | k=4 | k=8 | k=16 |");
        line("|---|---|---|---|---|---|---|");
        for (String name : List.of("sentiment", "department", "category")) {
            Corpus.Task t = corpus.task(name);
            StringBuilder row = new StringBuilder("| " + name + " (mean / max, over " + ctx + ") |");
            for (int k : new int[] {0, 1, 2, 4, 8, 16}) {
                SplittableRandom r = new SplittableRandom(EVAL_SEED + k);
                long sum = 0, max = 0, over = 0;
                for (int i = 0; i < n; i++) {
                    int len = base.tokenizer().encode(episode(t, k, t.wordings().get(0), null, r).prompt()).length;
                    sum += len;
                    max = Math.max(max, len);
                    if (len > ctx) over++;
                }
                row.append(String.format(" %d / %d%s |", sum / n, max, over > 0 ? " (" + over + " of " + n + " too long)" : ""));
            }
            line(row.toString());
        }
        line("");
    }

    // ------------------------------------------------------------------ (d) (e) (f)
    private void partDEF(List<String> others, String parts) {
        Corpus.Task cat = corpus.task("category");
        List<Example> test = examples(cat, n, new SplittableRandom(EVAL_SEED + 42), 0, null);
        FineTuneOptions full = FineTuneOptions.full().withThreads(threads).withSeed(1);
        Tiny ft200 = fineTune(examples(cat, 200, new SplittableRandom(200), 0, null), full, "full n=200");
        if (parts.contains("d")) {
            line("## (d) Held-out task (review to product category): best few-shot prompt vs fine-tuned");
            line("");
            line("| approach | accuracy | prompt tokens (mean) |");
            line("|---|---|---|");
            double best = -1;
            String bestName = "";
            int bestTokens = 0;
            for (int k : new int[] {4, 8}) {
                for (boolean instr : new boolean[] {true, false}) {
                    SplittableRandom r = new SplittableRandom(EVAL_SEED + 300 + k);
                    List<Example> ex = new ArrayList<>();
                    for (int i = 0; i < n; i++) ex.add(episode(cat, k, instr ? cat.wordings().get(0) : null, null, r));
                    double acc = accuracy(base, ex);
                    int tok = meanTokens(ex);
                    line(String.format("| base, %d-shot%s | %.2f | %d |", k, instr ? " + instruction" : "", acc, tok));
                    if (acc > best) { best = acc; bestName = k + "-shot" + (instr ? " + instruction" : ""); bestTokens = tok; }
                }
            }
            List<Example> train200 = examples(cat, 200, new SplittableRandom(200), 0, null);
            String accFt = seedSpread(perSeed(s -> fineTune(train200, full.withEpochs(5).withSeed(s), "full n=200, 5 epochs, seed " + s)), test);
            int tokFt = meanTokens(test);
            line(String.format("| **best few-shot (%s)** | **%.2f** | %d |", bestName, best, bestTokens));
            line(String.format("| **fine-tuned (full, 200 examples x 5 epochs, seeds 1-3: mean (range)), prompt without demos** | **%s** | %d (%.1fx shorter) |",
                    accFt, tokFt, (double) bestTokens / tokFt));
            line("");
        }
        if (parts.contains("e")) {
            line("## (e) Other tasks after fine-tuning on the category task (trained wordings, zero-shot)");
            line("");
            line("200 category examples, 3 epochs, batch 8; \"general data\" is 200 instructed examples drawn from all pretraining tasks. "
                    + "Every cell is the mean over fine-tuning seeds " + E_SEEDS.get(0) + " to " + E_SEEDS.get(E_SEEDS.size() - 1)
                    + " (same data; the seed orders the examples and initialises LoRA), because the result of one seed varies "
                    + "a lot: the last column gives the mean and, in brackets, the lowest and highest seed.");
            line("");
            List<Example> catTrain = examples(cat, 200, new SplittableRandom(200), 0, null);
            List<Example> mix = new ArrayList<>(catTrain);
            SplittableRandom r = new SplittableRandom(EVAL_SEED + 77);
            List<Corpus.Task> pre = corpus.pretrainingTasks();
            for (int i = 0; i < 200; i++) {
                Corpus.Task t = pre.get(r.nextInt(pre.size()));
                Corpus.Example e = t.sample(r);
                mix.add(new Example(Corpus.prompt(t.trainedWordings().get(r.nextInt(t.trained())), List.of(), e.input()), " " + e.output()));
            }
            Map<String, List<Example>> otherTests = new java.util.LinkedHashMap<>();
            for (String name : others) {
                Corpus.Task t = corpus.task(name);
                SplittableRandom rr = new SplittableRandom(EVAL_SEED + 900 + name.hashCode());
                List<Example> ex = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Corpus.Example e = t.sample(rr);
                    ex.add(new Example(Corpus.prompt(t.trainedWordings().get(rr.nextInt(t.trained())), List.of(), e.input()), " " + e.output()));
                }
                otherTests.put(name, ex);
            }
            FineTuneOptions slow = full.withLearningRate(5e-4f);
            FineTuneOptions lora = FineTuneOptions.lora().withThreads(threads);
            line("| model | category | " + String.join(" | ", others) + " | mean of others |");
            line("|---|---|" + "---|".repeat(others.size()) + "---|");
            eRow("base", List.of(base), test, otherTests);
            eRow("full fine-tune (lr 1e-3)", perSeed(s -> s == 1 ? ft200 : fineTune(catTrain, full.withSeed(s), "full, seed " + s)), test, otherTests);
            eRow("full + general data 1:1 (lr 1e-3)", perSeed(s -> fineTune(mix, full.withSeed(s), "full + 1:1 general data, seed " + s)), test, otherTests);
            eRow("full fine-tune (lr 5e-4)", perSeed(s -> fineTune(catTrain, slow.withSeed(s), "full, lr 5e-4, seed " + s)), test, otherTests);
            eRow("full + general data 1:1 (lr 5e-4)", perSeed(s -> fineTune(mix, slow.withSeed(s), "full + 1:1 general data, lr 5e-4, seed " + s)),
                    test, otherTests);
            eRow("LoRA r=8 (lr 3e-3)", perSeed(s -> fineTune(catTrain, lora.withSeed(s), "LoRA r=8, seed " + s)), test, otherTests);
            line("");
        }
        if (parts.contains("f")) {
            line("## (f) Fine-tuned accuracy (full, 3 epochs) by training set size and label noise");
            line("");
            line("| examples | label noise | accuracy, seeds 1-3: mean (range) |");
            line("|---|---|---|");
            for (int size : new int[] {50, 200, 500}) {
                List<Example> train = examples(cat, size, new SplittableRandom(size), 0, null);
                List<Tiny> ms = perSeed(s -> s == 1 && size == 200 ? ft200 : fineTune(train, full.withSeed(s), "full n=" + size + ", seed " + s));
                line(String.format("| %d | 0%% | %s |", size, seedSpread(ms, test)));
            }
            for (double noise : new double[] {0.2, 0.4}) {
                List<Example> train = examples(cat, 500, new SplittableRandom(500), noise, null);
                List<Tiny> ms = perSeed(s -> fineTune(train, full.withSeed(s), "noise " + noise + ", seed " + s));
                line(String.format("| 500 | %.0f%% | %s |", noise * 100, seedSpread(ms, test)));
            }
            line("");
        }
    }

    /** Fine-tuning seeds of table (e); each fine-tune takes 2-8 s on one core. */
    private static final List<Long> E_SEEDS = List.of(1L, 2L, 3L);

    private static List<Tiny> perSeed(java.util.function.LongFunction<Tiny> train) {
        return E_SEEDS.stream().map(train::apply).toList();
    }

    /** "mean (lowest-highest)" of the models' accuracies. */
    private static String seedSpread(List<Tiny> models, List<Example> test) {
        double sum = 0, lo = 1, hi = 0;
        for (Tiny m : models) {
            double acc = accuracy(m, test);
            sum += acc;
            lo = Math.min(lo, acc);
            hi = Math.max(hi, acc);
        }
        return String.format("%.2f (%.2f-%.2f)", sum / models.size(), lo, hi);
    }

    /** One row of table (e): accuracies averaged over the models (one per seed), the spread of the mean of others. */
    private void eRow(String label, List<Tiny> models, List<Example> test, Map<String, List<Example>> others) {
        double cat = 0, lo = 1, hi = 0, all = 0;
        double[] perTask = new double[others.size()];
        for (Tiny m : models) {
            cat += accuracy(m, test) / models.size();
            double sum = 0;
            int i = 0;
            for (List<Example> ex : others.values()) {
                double acc = accuracy(m, ex);
                perTask[i++] += acc / models.size();
                sum += acc / others.size();
            }
            lo = Math.min(lo, sum);
            hi = Math.max(hi, sum);
            all += sum / models.size();
        }
        StringBuilder row = new StringBuilder(String.format("| %s | %.2f |", label, cat));
        for (double acc : perTask) row.append(String.format(" %.2f |", acc));
        row.append(models.size() > 1 ? String.format(" %.2f (%.2f-%.2f) |", all, lo, hi) : String.format(" %.2f |", all));
        line(row.toString());
    }

    private Tiny fineTune(List<Example> ex, FineTuneOptions o, String what) {
        long t0 = System.nanoTime();
        Tiny m = FineTuner.fineTune(base, ex, o, null, () -> false);
        System.err.printf("fine-tuned %s (%d examples) in %.1f s%n", what, ex.size(), (System.nanoTime() - t0) / 1e9);
        return m;
    }

    // ------------------------------------------------------------------ (h)
    /** Sentences of the kind students typed when they tried Tiny 1 (issue 23), with what a person means. */
    static final String[][] TYPED = {{"I do not love this kettle.", "negative"}, {"This is not a good product.", "negative"},
        {"Never buying this again.", "negative"}, {"I would not recommend this lamp.", "negative"},
        {"Awful blender, it leaks.", "negative"}, {"Awful blender. It leaks.", "negative"}, {"Not bad at all.", "positive"},
        {"I love this kettle.", "positive"}, {"The lamp looks cheap, but it works well.", "positive"}};

    private void partH() {
        line("## (h) Negation and contrast: held-out reviews (adjectives met in pretraining only in plain reviews; idioms, sentence forms "
                + "and products never)");
        line("");
        line("| form | example | accuracy |");
        line("|---|---|---|");
        double sum = 0;
        for (int form = 1; form <= 4; form++) {
            List<Example> ex = heldOut.sentiment(form, n, new SplittableRandom(EVAL_SEED + 500 + form));
            double acc = accuracy(base, ex);
            String shown = ex.get(0).prompt().replaceAll("(?s)^.*Input: (.*)\\nOutput:$", "$1");
            line(String.format("| %s | %s (%s) | %.2f |", Reviews.FORMS.get(form), shown, ex.get(0).completion().strip(), acc));
            if (form <= 2) sum += acc / 2;
            if (form == 2) line(String.format("| **negated and contrastive (the target)** | | **%.2f** |", sum));
        }
        line("");
        line("Idioms and the recommending forms (\"I would not hesitate to recommend ...\", a double negation, and \"I would never "
                + "recommend ...\") are harder tests beyond the target.");
        line("");
        line("Sentences students typed, after \"Is this review positive or negative?\" (greedy answer):");
        line("");
        line("| review | meant | Tiny |");
        line("|---|---|---|");
        for (String[] t : TYPED) {
            String got = base.generate(Corpus.prompt("Is this review positive or negative?", List.of(), t[0]),
                    GenerateOptions.greedy().withMaxTokens(4).withStop("\n")).text().strip();
            line(String.format("| %s | %s | %s |", t[0], t[1], got));
        }
        line("");
    }

    // ------------------------------------------------------------------ (i)
    private void partI() {
        line("## (i) Few-shot on tasks no training episode used: category pairs and language pairs, no instruction");
        line("");
        line("Held-out pairs: " + Episodes.HELD_OUT_PAIRS.stream().map(p -> String.join(" vs ", p.stream().sorted().toList())).sorted().toList()
                + " and " + Episodes.HELD_OUT_LANGUAGES.stream().map(p -> String.join(" vs ", p.stream().sorted().toList())).sorted().toList()
                + "; language queries are words never seen in pretraining.");
        line("");
        int[] ks = {1, 2, 4, 8};
        line("| task | labels | k=1 | k=2 | k=4 | k=8 |");
        line("|---|---|---|---|---|---|");
        double sum4 = 0;
        for (String kind : List.of("category", "language")) {
            for (boolean invented : new boolean[] {false, true}) {
                StringBuilder row = new StringBuilder("| " + kind + " pairs | " + (invented ? "invented" : "their names") + " |");
                for (int k : ks) {
                    double acc = accuracy(base, heldOut.fewShot(kind, invented, k, n, new SplittableRandom(EVAL_SEED + 600 + k + kind.hashCode()
                            + (invented ? 50 : 0))));
                    row.append(String.format(" %.2f |", acc));
                    if (k == 4) sum4 += acc / 4;
                }
                line(row.toString());
            }
        }
        line(String.format("| **mean at k=4 (the target)** | | | | **%.2f** | |", sum4));
        StringBuilder everyday = new StringBuilder("| category pairs, everyday words (\"dog\", \"car\") | their names |");
        for (int k : ks) {
            everyday.append(String.format(" %.2f |", accuracy(base, heldOut.fewShot("everyday", false, k, n, new SplittableRandom(EVAL_SEED + 800 + k)))));
        }
        line(everyday.toString());
        for (String kind : List.of("category", "language")) {
            StringBuilder row = new StringBuilder("| " + kind + " pairs, sentences | their names |");
            for (int k : ks) {
                List<Example> ex = heldOut.fewShot(kind, false, true, k, n, new SplittableRandom(EVAL_SEED + 700 + k + kind.hashCode()));
                long tooLong = ex.stream().filter(e -> base.tokenizer().encode(e.prompt()).length > base.config().contextLength()).count();
                row.append(String.format(" %.2f%s |", accuracy(base, ex), tooLong == 0 ? "" : " (" + tooLong + " of " + n + " prompts over the window)"));
            }
            line(row.toString());
        }
        line("");
    }

    // ------------------------------------------------------------------ (g)
    private void partG() {
        line("## (g) Copying from the prompt: exact match, trained wordings, names never seen in pretraining");
        line("");
        line("| field | exact match | first word right |");
        line("|---|---|---|");
        String[][] names = Corpus.evalNames();
        for (String field : List.of("order", "name")) {
            Corpus.Task t = corpus.task(field);
            SplittableRandom r = new SplittableRandom(EVAL_SEED + field.hashCode());
            List<Example> ex = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Corpus.Example e = t.sample(r);
                // swap in an unseen name so that only copying can get it right
                String name = Corpus.pick(r, names[0]) + " " + Corpus.pick(r, names[1]);
                String input = e.input().replaceAll(" - .*$", " - " + name);
                String out = field.equals("name") ? name : e.output();
                ex.add(new Example(Corpus.prompt(t.trainedWordings().get(r.nextInt(t.trained())), List.of(), input), " " + out));
            }
            line(String.format("| %s | %.2f | %.2f |", field.equals("order") ? "5-digit order number from a ticket" : "full name (unseen) from a ticket",
                    accuracy(base, ex), firstWord(base, ex)));
        }
        line("");
    }

    // ------------------------------------------------------------------ helpers
    /** n examples of a task as zero-shot prompts ("Input: x\nOutput:"), a fraction with a wrong label. */
    static List<Example> examples(Corpus.Task t, int n, SplittableRandom r, double noise, String instruction) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Corpus.Example e = t.sample(r);
            String label = e.output();
            if (noise > 0 && r.nextDouble() < noise) {
                List<String> other = new ArrayList<>(t.labels());
                other.remove(label);
                label = other.get(r.nextInt(other.size()));
            }
            out.add(new Example(Corpus.prompt(instruction, List.of(), e.input()), " " + label));
        }
        return out;
    }

    /** Fraction of examples whose greedy completion (to the first newline, trimmed) equals the expected one. */
    static double accuracy(Tiny m, List<Example> ex) {
        GenerateOptions g = GenerateOptions.greedy().withMaxTokens(16).withStop("\n").withTruncate(true);
        int ok = 0;
        for (Example e : ex) {
            if (m.generate(e.prompt(), g).text().trim().equals(e.completion().trim())) ok++;
        }
        return (double) ok / ex.size();
    }

    /** Fraction whose completion starts with the expected first word (partial copying). */
    static double firstWord(Tiny m, List<Example> ex) {
        GenerateOptions g = GenerateOptions.greedy().withMaxTokens(16).withStop("\n").withTruncate(true);
        int ok = 0;
        for (Example e : ex) {
            String want = e.completion().trim().split(" ")[0];
            String got = m.generate(e.prompt(), g).text().trim();
            if (got.equals(want) || got.startsWith(want + " ")) ok++;
        }
        return (double) ok / ex.size();
    }

    private int meanTokens(List<Example> ex) {
        long s = 0;
        for (Example e : ex) s += base.tokenizer().encode(e.prompt()).length;
        return (int) (s / ex.size());
    }
}
