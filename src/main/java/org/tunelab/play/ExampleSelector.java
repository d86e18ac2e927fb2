package org.tunelab.play;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Chooses the few-shot examples for an input from a pool of labelled examples: the same {@code k} for every input
 * ({@link #fixed}), or the {@code k} most similar to the input, by words ({@link #bm25}) or by meaning
 * ({@link #semantic}). Similar examples are retrieval applied to prompting: the model sees cases like the one it
 * must answer. The most similar example comes last, next to the input.
 *
 * <pre>{@code
 * Dataset pool = Datasets.task("topic", 200, 1);
 * ExampleSelector nearest = ExampleSelector.bm25(pool, 4);
 * nearest.select("The striker scored twice in the final.")     // the 4 pool examples most like it
 * Evaluation.of(tiny, Prompt.of(instruction)).examples(nearest).run(test).accuracy()
 * }</pre>
 */
public final class ExampleSelector {
    private final String name;
    private final Dataset pool;
    private final int k;
    private final Function<String, List<Integer>> choose;

    private ExampleSelector(String name, Dataset pool, int k, Function<String, List<Integer>> choose) {
        this.name = name;
        this.pool = pool;
        this.k = k;
        this.choose = choose;
    }

    /** The pool's first {@code k} examples for every input. */
    public static ExampleSelector fixed(Dataset pool, int k) {
        check(pool, k);
        List<Integer> first = IntStream.range(0, k).boxed().toList();
        return new ExampleSelector("fixed", pool, k, input -> first);
    }

    /** The {@code k} pool examples whose inputs share the most words with the input (BM25). */
    public static ExampleSelector bm25(Dataset pool, int k) {
        check(pool, k);
        return nearest("bm25", pool, k, Search::bm25);
    }

    /** The {@code k} pool examples whose inputs are closest in meaning to the input (embeddings). */
    public static ExampleSelector semantic(Dataset pool, int k) {
        check(pool, k);
        return nearest("semantic", pool, k, Search::semantic);
    }

    private static ExampleSelector nearest(String name, Dataset pool, int k, Function<KnowledgeBase, Search> kind) {
        List<Passage> inputs = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            inputs.add(new Passage(Integer.toString(i), "example", pool.get(i).input()));
        }
        Search search = kind.apply(KnowledgeBase.of(inputs));
        return new ExampleSelector(name, pool, k, input -> {
            List<Integer> rows = new ArrayList<>(search.top(input, k).stream().map(h -> Integer.parseInt(h.id())).toList());
            Collections.reverse(rows);
            return rows;
        });
    }

    private static void check(Dataset pool, int k) {
        Objects.requireNonNull(pool, "pool");
        if (k < 1 || k > pool.size()) {
            throw new IllegalArgumentException("choose between 1 and " + pool.size() + " examples from this pool; got " + k);
        }
    }

    /** "fixed", "bm25" or "semantic". */
    public String name() {
        return name;
    }

    /** How many examples each input gets. */
    public int k() {
        return k;
    }

    /** The examples for {@code input}, most similar last. */
    public Dataset select(String input) {
        return Dataset.of(choose.apply(input).stream().map(pool::get).toList());
    }

    @Override
    public String toString() {
        return "ExampleSelector." + name + "(" + pool.size() + " examples, k = " + k + ")";
    }
}
