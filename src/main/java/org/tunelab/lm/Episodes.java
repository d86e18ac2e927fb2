package org.tunelab.lm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import static org.tunelab.lm.Corpus.pick;

/**
 * In-context learning as a trained skill: few-shot episodes of tasks drawn fresh from the
 * {@link Lexicon} (two to four categories of words, languages of words, surface features), whose
 * labels are category names, invented words, unrelated words or letters, so the answer must be
 * taken from the prompt. Demonstrations are bursty (only the episode's classes appear).
 *
 * <p>Held out of every training episode, for the report's test (i): the category pairs in
 * {@link #HELD_OUT_PAIRS} (both categories still appear in other episodes and in facts) and the
 * language pairs in {@link #HELD_OUT_LANGUAGES}; one word in ten of each language list never
 * appears in training at all.
 */
final class Episodes {

    static final Set<Set<String>> HELD_OUT_PAIRS = Set.of(Set.of("animal", "vehicle"), Set.of("food", "tool"),
        Set.of("clothing", "furniture"), Set.of("instrument", "weapon"), Set.of("color", "country"), Set.of("job", "building"));
    static final Set<Set<String>> HELD_OUT_LANGUAGES = Set.of(Set.of("French", "English"), Set.of("German", "Spanish"));
    /** The held-out category pairs in a fixed order (a Set.of iterates differently in every JVM), each pair sorted. */
    private static final List<List<String>> HELD_OUT_PAIRS_IN_ORDER = HELD_OUT_PAIRS.stream().map(p -> p.stream().sorted().toList())
        .sorted(Comparator.comparing((List<String> p) -> String.join(",", p))).toList();
    static final String[] INSTRUCTIONS = {"Sort the words into groups.", "Label each word.", "Classify the word.",
        "Which group does the word belong to?", "Follow the pattern of the examples."};
    static final String[] ARBITRARY = {"red", "blue", "yes", "no", "left", "right", "up", "down", "alpha", "beta", "cat", "dog",
        "sun", "moon", "one", "two", "apple", "river", "north", "south"};

    /**
     * A task of an episode: each class has its words (or sentences) and its label; training's
     * category tasks also list each class's everyday words, drawn half of the time.
     */
    record Task(String kind, List<String> classNames, List<List<String>> members, List<List<String>> everyday) {
        Task(String kind, List<String> classNames, List<List<String>> members) {
            this(kind, classNames, members, List.of());
        }
    }

    private final Lexicon lex;
    private final List<String> categoryNames;
    /** Each language's training and held-out words, split once. */
    private final Map<String, List<String>> split = new ConcurrentHashMap<>();

    Episodes(Lexicon lex) {
        this.lex = lex;
        this.categoryNames = List.copyOf(lex.categories().keySet());
    }

    /** One training episode: k demos and a query, labels as the episode chose them. */
    String trainingEpisode(SplittableRandom r) {
        int kind = r.nextInt(10);
        Task t = kind < 5 ? categoryTask(r, 2 + (r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0), false)
            : kind < 8 ? languageTask(r, 2 + (r.nextInt(4) == 0 ? 1 : 0), false) : surfaceTask(r);
        List<String> labels = labels(r, t);
        int k = 1 + r.nextInt(8);
        String instruction = r.nextInt(3) == 0 ? pick(r, INSTRUCTIONS) : null;
        boolean sentences = !t.kind().equals("surface") && r.nextInt(3) == 0;
        List<Corpus.Example> demos = demos(r, t, labels, k, sentences);
        Corpus.Example q = draw(r, t, labels, sentences);
        return Corpus.prompt(instruction, demos, q.input()) + " " + q.output();
    }

    /** Labels for the task's classes: its own names, invented words, unrelated words or letters. */
    List<String> labels(SplittableRandom r, Task t) {
        int n = t.classNames().size(), how = r.nextInt(10);
        if (how < 4) return t.classNames();
        if (how < 7) return Corpus.inventLabels(r, n);
        List<String> out = new ArrayList<>();
        if (how < 9) {
            while (out.size() < n) {
                String w = pick(r, ARBITRARY);
                if (!out.contains(w)) out.add(w);
            }
        } else {
            for (int i = 0; i < n; i++) out.add(String.valueOf((char) ((r.nextBoolean() ? 'A' : '1') + i)));
        }
        return out;
    }

    /**
     * k demos that show every class at least once when k allows, in random order; with
     * {@code sentences} each input is a sentence (see {@link #input}).
     */
    List<Corpus.Example> demos(SplittableRandom r, Task t, List<String> labels, int k, boolean sentences) {
        List<Corpus.Example> out = new ArrayList<>();
        int n = t.classNames().size();
        for (int i = 0; i < k; i++) {
            int c = i < n && k >= n ? i : r.nextInt(n);
            out.add(new Corpus.Example(input(r, t, c, sentences), labels.get(c)));
        }
        for (int i = out.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Corpus.Example e = out.get(i);
            out.set(i, out.get(j));
            out.set(j, e);
        }
        return out;
    }

    /** A query example of a random class. */
    Corpus.Example draw(SplittableRandom r, Task t, List<String> labels, boolean sentences) {
        int c = r.nextInt(t.classNames().size());
        return new Corpus.Example(input(r, t, c, sentences), labels.get(c));
    }

    static final String[] SENTENCES = {"I saw %s yesterday.", "There is %s near the house.", "The picture shows %s.",
        "My neighbour has %s.", "We talked about %s.", "She pointed at %s."};

    /**
     * An input of class c: one member, or with {@code sentences} a category word inside a short
     * sentence ("I saw a horse yesterday.") or three to six words of one language.
     */
    String input(SplittableRandom r, Task t, int c, boolean sentences) {
        List<String> members = t.members().get(c);
        if (!t.everyday().isEmpty() && !t.everyday().get(c).isEmpty() && r.nextBoolean()) members = t.everyday().get(c);
        String w = Pretraining.one(r, members);
        if (!sentences) return w;
        if (t.kind().equals("language")) {
            StringBuilder b = new StringBuilder(Reviews.capital(w));
            for (int i = 0, n = 2 + r.nextInt(4); i < n; i++) b.append(' ').append(Pretraining.one(r, members));
            return b.append('.').toString();
        }
        boolean proper = Character.isUpperCase(w.charAt(0));
        String np = proper ? w : ("aeiou".indexOf(w.charAt(0)) >= 0 ? "an " : "a ") + w;
        return String.format(pick(r, SENTENCES), np);
    }

    /**
     * n categories that share no word; with {@code heldOut} a pair from {@link #HELD_OUT_PAIRS},
     * else any set containing no held-out pair.
     */
    Task categoryTask(SplittableRandom r, int n, boolean heldOut) {
        List<String> chosen = new ArrayList<>();
        if (heldOut) {
            chosen.addAll(HELD_OUT_PAIRS_IN_ORDER.get(r.nextInt(HELD_OUT_PAIRS_IN_ORDER.size())));
            if (r.nextBoolean()) Collections.reverse(chosen);
        } else {
            while (chosen.size() < n) {
                String c = Pretraining.one(r, categoryNames);
                if (chosen.contains(c) || chosen.stream().anyMatch(o -> overlap(o, c) || HELD_OUT_PAIRS.contains(Set.of(o, c)))) continue;
                chosen.add(c);
            }
        }
        List<List<String>> members = chosen.stream().map(c -> lex.categories().get(c)).toList();
        return heldOut ? new Task("category", chosen, members)
            : new Task("category", chosen, members, chosen.stream().map(c -> lex.everyday().get(c)).toList());
    }

    private boolean overlap(String a, String b) {
        return lex.overlapping().contains(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
    }

    /** n languages; training words only, or with {@code heldOut} a held-out pair and held-out words. */
    Task languageTask(SplittableRandom r, int n, boolean heldOut) {
        List<String> names = List.copyOf(lex.languages().keySet());
        List<String> chosen = new ArrayList<>();
        if (heldOut) {
            chosen.addAll(r.nextBoolean() ? List.of("English", "French") : List.of("German", "Spanish"));
            if (r.nextBoolean()) Collections.reverse(chosen);
        } else {
            while (chosen.size() < n) {
                String c = Pretraining.one(r, names);
                if (chosen.contains(c) || chosen.stream().anyMatch(o -> HELD_OUT_LANGUAGES.contains(Set.of(o, c)))) continue;
                chosen.add(c);
            }
        }
        List<List<String>> members = chosen.stream().map(l -> languageWords(l, heldOut)).toList();
        return new Task("language", chosen, members);
    }

    /** A language's training words (9 in 10) or held-out words (1 in 10), split by a hash of the word. */
    List<String> languageWords(String language, boolean heldOut) {
        return split.computeIfAbsent(language + heldOut, k -> lex.languages().get(language).stream()
            .filter(w -> (Math.floorMod(w.hashCode() * 31 + 7, 10) == 0) == heldOut).toList());
    }

    /** Surface features: question or statement, capitalised or not, long or short, number or word. */
    Task surfaceTask(SplittableRandom r) {
        List<String> nouns = lex.categories().get(Pretraining.one(r, categoryNames));
        List<String> a = new ArrayList<>(), b = new ArrayList<>();
        int kind = r.nextInt(4);
        List<String> names = switch (kind) {
            case 0 -> List.of("question", "statement");
            case 1 -> List.of("capitalized", "lowercase");
            case 2 -> List.of("long", "short");
            default -> List.of("number", "word");
        };
        for (int i = 0; i < 12; i++) {
            String w = Pretraining.one(r, nouns);
            String c = Pretraining.one(r, categoryNames);
            switch (kind) {
                case 0 -> {
                    a.add("Is the " + w + " a kind of " + c + "?");
                    b.add("The " + w + " is a kind of " + c + ".");
                }
                case 1 -> {
                    a.add(Reviews.capital(w));
                    b.add(w.toLowerCase());
                }
                case 2 -> {
                    if (w.length() >= 8) a.add(w);
                    else if (w.length() <= 5) b.add(w);
                }
                default -> {
                    a.add(Integer.toString(r.nextInt(10000)));
                    b.add(w);
                }
            }
        }
        if (a.isEmpty()) a.add("extraordinary");
        if (b.isEmpty()) b.add("cat");
        return new Task("surface", names, List.of(a, b));
    }
}
