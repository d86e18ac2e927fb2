package org.tunelab.lm;

import java.util.List;
import java.util.SplittableRandom;

import static org.tunelab.lm.Corpus.pick;

/**
 * Product reviews whose sentiment is what a person means, not the words it contains: negation
 * ("The kettle is not good." is negative, "Not bad at all." positive), contrast ("It looks nice, but
 * it leaks." follows the part after "but"), idioms ("Never buying this again.") and punctuation
 * ("Awful blender, it leaks." and "Awful blender. It leaks." agree). Adjectives, idioms, products
 * and two sentence forms are split into a part for pretraining and a part held out for the
 * report's negation test (h). The held-out adjectives do appear in pretraining, but only in plain
 * reviews ("The lamp is splendid."): the model may learn what they mean, never how they read
 * negated or contrasted, so (h) measures negation as a skill rather than unknown words.
 */
final class Reviews {

    static final String[] POS_ADJ = {"good", "great", "excellent", "wonderful", "fantastic", "lovely", "perfect", "reliable",
        "sturdy", "comfortable", "amazing", "solid", "handy", "brilliant", "superb", "nice", "impressive", "fine"};
    static final String[] NEG_ADJ = {"bad", "terrible", "awful", "horrible", "useless", "flimsy", "cheap", "broken", "poor",
        "faulty", "disappointing", "noisy", "dreadful", "defective", "leaky", "shoddy", "worthless", "unreliable"};
    static final String[] POS_ADJ_HELD_OUT = {"terrific", "splendid", "marvelous", "delightful", "outstanding"};
    static final String[] NEG_ADJ_HELD_OUT = {"lousy", "abysmal", "pathetic", "atrocious", "wretched"};
    static final String[] POS_VERB = {"love", "like", "enjoy", "adore", "appreciate"};
    static final String[] NEG_VERB = {"hate", "dislike", "despise", "regret buying", "resent"};
    static final String[] POS_DOES = {"works well", "does the job", "is worth every penny", "keeps working", "makes life easier"};
    static final String[] NEG_DOES = {"leaks", "breaks easily", "stopped working", "wastes my time", "keeps failing"};
    /** {text, label}: phrases whose words point the other way. */
    static final String[][] IDIOMS = {{"Never buying this again.", "negative"}, {"Not bad at all.", "positive"},
        {"No complaints.", "positive"}, {"I can't say I'm happy with it.", "negative"}, {"I couldn't be happier.", "positive"},
        {"Not worth the money.", "negative"}, {"Could not be worse.", "negative"}, {"Nothing to complain about.", "positive"},
        {"Not what I hoped for.", "negative"}, {"It never lets me down.", "positive"}, {"I have no regrets.", "positive"},
        {"Not good enough.", "negative"}};
    static final String[][] IDIOMS_HELD_OUT = {{"Never again.", "negative"}, {"Not bad.", "positive"},
        {"I would not buy it twice.", "negative"}, {"It has never failed me.", "positive"}};

    private final String[] products;
    private final boolean heldOut;

    /**
     * @param products the products to review
     * @param heldOut  draw from the held-out adjectives, idioms and sentence forms, and only
     *                 negated, contrastive or idiomatic reviews (the report's test (h))
     */
    Reviews(List<String> products, boolean heldOut) {
        this.products = products.toArray(new String[0]);
        this.heldOut = heldOut;
    }

    /** Sentence forms, in the order of {@link #sample(SplittableRandom, int)}. */
    static final List<String> FORMS = List.of("plain", "negated", "contrast", "idiom", "recommend", "two parts");

    /** One review and its label, "positive" or "negative". */
    Corpus.Example sample(SplittableRandom r) {
        return sample(r, heldOut ? 1 + r.nextInt(4) : r.nextInt(FORMS.size()));
    }

    /** One review of the given form (an index into {@link #FORMS}). */
    Corpus.Example sample(SplittableRandom r, int form) {
        boolean pos = r.nextBoolean();
        String p = pick(r, products);
        String text = switch (form) {
            case 0 -> plain(r, p, pos);
            case 1 -> negated(r, p, pos);
            case 2 -> contrast(r, p, pos);
            case 3 -> {
                String[] idiom = pick(r, heldOut ? IDIOMS_HELD_OUT : IDIOMS);
                pos = idiom[1].equals("positive");
                yield r.nextBoolean() ? idiom[0] : capital(clause(r, p, pos, false)) + ". " + idiom[0];
            }
            case 4 -> recommend(r, p, pos);
            default -> twoParts(r, p, pos);
        };
        return new Corpus.Example(text, pos ? "positive" : "negative");
    }

    private String adj(SplittableRandom r, boolean pos) {
        return pick(r, heldOut ? (pos ? POS_ADJ_HELD_OUT : NEG_ADJ_HELD_OUT) : (pos ? POS_ADJ : NEG_ADJ));
    }

    /** Plain reviews in training also use the held-out adjectives, one time in four. */
    private String plain(SplittableRandom r, String p, boolean pos) {
        String a = !heldOut && r.nextInt(4) == 0 ? pick(r, pos ? POS_ADJ_HELD_OUT : NEG_ADJ_HELD_OUT) : adj(r, pos);
        String[] forms = {"The %s is %s.", "This %s is really %s.", "%s %s.", "What a %s %s!", "I %s this %s."};
        int f = r.nextInt(forms.length);
        return switch (f) {
            case 0, 1 -> String.format(forms[f], p, a);
            case 2 -> String.format(forms[f], capital(a), p);
            case 3 -> String.format(forms[f], a, p);
            default -> String.format(forms[f], pick(r, pos ? POS_VERB : NEG_VERB), p);
        };
    }

    /** A sentence that means {@code pos} by negating its opposite. */
    private String negated(SplittableRandom r, String p, boolean pos) {
        String a = adj(r, !pos), v = pick(r, pos ? NEG_VERB : POS_VERB);
        if (heldOut) {
            return r.nextBoolean() ? String.format("It is not a %s %s.", a, p) : String.format("I really don't %s this %s.", v, p);
        }
        String[] forms = {"The %s is not %s.", "This %s isn't %s.", "The %s is not very %s.", "This is not a %s product.",
            "I do not %s this %s.", "I don't %s the %s.", "I did not %s my %s at all."};
        int f = r.nextInt(forms.length);
        return switch (f) {
            case 0, 1, 2 -> String.format(forms[f], p, a);
            case 3 -> String.format(forms[f], a);
            default -> String.format(forms[f], v, p);
        };
    }

    /** The first part says the opposite; the part after "but" (or the main clause) wins. */
    private String contrast(SplittableRandom r, String p, boolean pos) {
        String first = clause(r, p, !pos, true), second = clause(r, p, pos, true);
        if (heldOut) return capital(first) + ". However, " + second + ".";
        return switch (r.nextInt(3)) {
            case 0 -> capital(first) + ", but " + second + ".";
            case 1 -> "Although " + first + ", " + second + ".";
            default -> "At first " + first + ", but now " + second + ".";
        };
    }

    private String recommend(SplittableRandom r, String p, boolean pos) {
        if (heldOut) return pos ? "I would not hesitate to recommend this " + p + "." : "I would never recommend this " + p + ".";
        String[] yes = {"I would recommend this %s.", "I can recommend the %s.", "I would buy this %s again."};
        String[] no = {"I would not recommend this %s.", "I wouldn't recommend the %s.", "I would not buy this %s again."};
        return String.format(pick(r, pos ? yes : no), p);
    }

    /** Two sentences that agree, joined by a comma or a full stop: punctuation changes nothing. */
    private String twoParts(SplittableRandom r, String p, boolean pos) {
        String a = capital(adj(r, pos)) + " " + p, b = "it " + pick(r, pos ? POS_DOES : NEG_DOES);
        return r.nextBoolean() ? a + ", " + b + "." : a + ". " + capital(b) + ".";
    }

    /** A clause meaning {@code pos}, sometimes through a negation when {@code mayNegate}. */
    private String clause(SplittableRandom r, String p, boolean pos, boolean mayNegate) {
        int f = r.nextInt(mayNegate ? 4 : 3);
        return switch (f) {
            case 0 -> "the " + p + " is " + adj(r, pos);
            case 1 -> "it " + pick(r, pos ? POS_DOES : NEG_DOES);
            case 2 -> "I " + pick(r, pos ? POS_VERB : NEG_VERB) + " it";
            default -> "it is not " + adj(r, !pos);
        };
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
