package org.tunelab.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test prompts for the report's parts (h) and (i), built from what Tiny 2's pretraining holds
 * out: negated, contrastive and idiomatic reviews with held-out adjectives, idioms, sentence forms
 * and products (h); few-shot episodes of category pairs and language pairs that no training
 * episode used, over words the model knows from facts (categories) or never saw (languages) (i).
 * Each prompt's expected completion starts with a space, as {@link TinyReport} measures.
 */
final class HeldOutTests {

    private final Pretraining pretraining;
    private final Reviews reviews;

    HeldOutTests(Lexicon lex) {
        this.pretraining = new Pretraining(lex);
        this.reviews = new Reviews(pretraining.heldOutProducts(), true);
    }

    private List<String> everyday(String category) {
        List<String> words = pretraining.lexicon().everyday().get(category);
        return words.isEmpty() ? pretraining.lexicon().categories().get(category) : words;
    }

    /** n held-out reviews of one form (see {@link Reviews#FORMS}) after a trained sentiment wording. */
    List<Example> sentiment(int form, int n, SplittableRandom r) {
        Corpus.Task t = pretraining.corpus().task("sentiment");
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Corpus.Example e = reviews.sample(r, form);
            out.add(new Example(Corpus.prompt(t.trainedWordings().get(r.nextInt(t.trained())), List.of(), e.input()), " " + e.output()));
        }
        return out;
    }

    /**
     * n k-shot episodes of a held-out "category" or "language" pair, without instruction, labelled
     * with the classes' own names or with words invented per episode; inputs are single words.
     */
    List<Example> fewShot(String kind, boolean invented, int k, int n, SplittableRandom r) {
        return fewShot(kind, invented, false, k, n, r);
    }

    /**
     * As above; with {@code sentences} the inputs are sentences rather than single words. Kind
     * "everyday" is "category" restricted to everyday words ("dog", "car"), as students type them.
     */
    List<Example> fewShot(String kind, boolean invented, boolean sentences, int k, int n, SplittableRandom r) {
        Episodes ep = pretraining.episodes();
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Episodes.Task t = kind.equals("language") ? ep.languageTask(r, 2, true) : ep.categoryTask(r, 2, true);
            if (kind.equals("everyday")) t = new Episodes.Task("category", t.classNames(), t.classNames().stream().map(c -> everyday(c)).toList());
            List<String> labels = invented ? Corpus.inventLabels(r, 2) : t.classNames();
            List<Corpus.Example> demos = ep.demos(r, t, labels, k, sentences);
            Corpus.Example q = ep.draw(r, t, labels, sentences);
            out.add(new Example(Corpus.prompt(null, demos, q.input()), " " + q.output()));
        }
        return out;
    }
}
