package org.tunelab.lm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReviewsTest {

    private static final List<String> PRODUCTS = List.of("kettle", "lamp", "blender");

    @Test
    void negationFlipsWhatTheAdjectiveSays() {
        Reviews reviews = new Reviews(PRODUCTS, false);
        SplittableRandom r = new SplittableRandom(1);
        int checked = 0;
        for (int i = 0; i < 2_000; i++) {
            Corpus.Example e = reviews.sample(r, Reviews.FORMS.indexOf("negated"));
            for (String good : Reviews.POS_ADJ) {
                if (e.input().matches(".* not (very )?" + good + "[ .].*")) {
                    assertEquals("negative", e.output(), e.input());
                    checked++;
                }
            }
            for (String bad : Reviews.NEG_ADJ) {
                if (e.input().matches(".* not (very )?" + bad + "[ .].*")) assertEquals("positive", e.output(), e.input());
            }
            if (e.input().matches("I (do not|don't|did not) (love|like|enjoy|adore|appreciate) .*")) assertEquals("negative", e.output(), e.input());
        }
        assertTrue(checked > 200, "negated good adjectives seen: " + checked);
    }

    @Test
    void contrastFollowsTheSecondPartAndPunctuationChangesNothing() {
        Reviews reviews = new Reviews(PRODUCTS, false);
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 1_000; i++) {
            Corpus.Example c = reviews.sample(r, Reviews.FORMS.indexOf("contrast"));
            String after = c.input().replaceAll("^.*(, but (now )?|, )", "");
            boolean second = List.of(Reviews.POS_ADJ).stream().anyMatch(a -> after.matches("the \\w+ is " + a + "\\.")) ;
            if (second) assertEquals("positive", c.output(), c.input());
            Corpus.Example two = reviews.sample(r, Reviews.FORMS.indexOf("two parts"));
            String first = two.input().split("[ ,.]")[0].toLowerCase();
            assertEquals(List.of(Reviews.POS_ADJ).contains(first) ? "positive" : "negative", two.output(), two.input());
        }
    }

    @Test
    void heldOutWordsAndFormsStayOutOfTraining() {
        SplittableRandom r = new SplittableRandom(3);
        Reviews train = new Reviews(PRODUCTS, false), test = new Reviews(List.of("ottoman"), true);
        List<String> adjectives = new java.util.ArrayList<>(List.of(Reviews.POS_ADJ_HELD_OUT));
        adjectives.addAll(List.of(Reviews.NEG_ADJ_HELD_OUT));
        List<String> heldOut = new java.util.ArrayList<>(adjectives);
        for (String[] idiom : Reviews.IDIOMS_HELD_OUT) heldOut.add(idiom[0]);
        heldOut.addAll(List.of(". However, ", "It is not a ", "really don't", "would not hesitate", "would never recommend"));
        int plainWithHeldOut = 0;
        for (int i = 0; i < 5_000; i++) {
            String s = train.sample(r, i % Reviews.FORMS.size()).input();
            boolean plain = i % Reviews.FORMS.size() == 0;
            for (String h : plain ? heldOut.subList(adjectives.size(), heldOut.size()) : heldOut) {
                assertFalse(s.contains(h), h + " in a training review: " + s);
            }
            if (plain && adjectives.stream().anyMatch(s::contains)) plainWithHeldOut++;
        }
        assertTrue(plainWithHeldOut > 100, "held-out adjectives are taught in plain reviews: " + plainWithHeldOut);
        for (int i = 0; i < 500; i++) {
            Corpus.Example e = test.sample(r);
            assertTrue(e.input().contains("ottoman") || heldOut.stream().anyMatch(e.input()::contains), e.input());
        }
    }
}
