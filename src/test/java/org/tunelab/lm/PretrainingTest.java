package org.tunelab.lm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tiny 2's corpus over a small lexicon made here: what it mixes in, and what it keeps out. */
class PretrainingTest {

    static Lexicon lexicon() {
        Map<String, List<String>> cats = new LinkedHashMap<>();
        for (String c : List.of("animal", "bird", "vehicle", "food", "tool", "clothing", "furniture", "instrument", "weapon",
                "color", "country", "job", "building", "metal")) {
            List<String> words = new ArrayList<>();
            for (char x = 'a'; x <= 'l'; x++) words.add(c.replace(" ", "") + x);
            cats.put(c, words);
        }
        cats.put("bird", List.of("animala", "animalb", "birdc", "birdd", "birde", "birdf", "birdg", "birdh"));
        Map<String, List<String>> langs = new LinkedHashMap<>();
        for (String l : List.of("English", "French", "German", "Spanish", "Italian")) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 400; i++) words.add(l.toLowerCase().substring(0, 3) + "x" + Integer.toString(i, 26).replaceAll("[0-9]", "q"));
            langs.put(l, words);
        }
        Map<String, List<String>> everyday = new LinkedHashMap<>();
        cats.forEach((c, w) -> everyday.put(c, w.subList(0, 3)));
        return new Lexicon(cats, everyday, Set.of(List.of("animal", "bird")), Map.of("animala", "an animal of the test"),
            List.<String[]>of(new String[] {"hot", "cold"}), langs, List.of("Ada", "Alan", "Grace"), List.of("Lovelace", "Turing", "Hopper"),
            List.of("Claim your prize now, you won a cruise"), List.of("Shall we meet at noon near the station"));
    }

    @Test
    void sameSeedSameDocuments() {
        Pretraining p = new Pretraining(lexicon());
        assertEquals(p.sampleText(5, 30_000), new Pretraining(lexicon()).sampleText(5, 30_000));
        assertNotEquals(p.sampleText(5, 30_000), p.sampleText(6, 30_000));
    }

    @Test
    void mixesCourseTasksFactsEpisodesAndRealNames() {
        String text = new Pretraining(lexicon()).sampleText(1, 400_000);
        for (String part : List.of("Is this review positive or negative?", "is a kind of", "Examples of ", "The opposite of hot is cold",
                "Animala: an animal of the test.", "Output: spam", "Claim your prize now", " - Ada ", "Ada Lovelace", "Output: French",
                "Output: question", "IDs: ")) {
            assertTrue(text.contains(part), "missing: " + part);
        }
        assertTrue(java.util.Arrays.stream(Episodes.SENTENCES).anyMatch(f -> text.contains("Input: " + f.substring(0, f.indexOf('%')))),
            "category words inside sentences");
        assertTrue(text.matches("(?s).*Input: (Eng|Fre|Ger|Spa|Ita)x\\w+ (eng|fre|ger|spa|ita)x\\w+ .*"), "several words of one language");
    }

    @Test
    void trainingEpisodesNeverPairHeldOutOrOverlappingCategories() {
        Episodes ep = new Episodes(lexicon());
        SplittableRandom r = new SplittableRandom(3);
        int threeWay = 0;
        for (int i = 0; i < 5_000; i++) {
            List<String> chosen = ep.categoryTask(r, 2 + r.nextInt(3), false).classNames();
            threeWay += chosen.size() > 2 ? 1 : 0;
            for (String a : chosen) {
                for (String b : chosen) {
                    if (a.equals(b)) continue;
                    assertFalse(Episodes.HELD_OUT_PAIRS.contains(Set.of(a, b)), chosen.toString());
                    assertFalse(Set.of(a, b).equals(Set.of("animal", "bird")), "overlapping categories: " + chosen);
                }
            }
            List<String> langs = ep.languageTask(r, 2, false).classNames();
            assertFalse(Episodes.HELD_OUT_LANGUAGES.contains(Set.copyOf(langs)), langs.toString());
        }
        assertTrue(threeWay > 1000, "episodes with more than two classes: " + threeWay);
        for (int i = 0; i < 200; i++) {
            assertTrue(Episodes.HELD_OUT_PAIRS.contains(Set.copyOf(ep.categoryTask(r, 2, true).classNames())));
        }
    }

    @Test
    void heldOutLanguageWordsNeverAppearInPretraining() {
        Lexicon lex = lexicon();
        Episodes ep = new Episodes(lex);
        String text = new Pretraining(lex).sampleText(2, 1_000_000);
        int heldOut = 0, seen = 0;
        for (String language : lex.languages().keySet()) {
            for (String w : ep.languageWords(language, true)) {
                heldOut++;
                assertFalse(text.contains("Input: " + w + "\n"), language + " " + w);
            }
            for (String w : ep.languageWords(language, false)) seen += text.contains("Input: " + w + "\n") ? 1 : 0;
        }
        assertTrue(heldOut > 100 && heldOut < 400, "about one word in ten is held out: " + heldOut);
        assertTrue(seen > 500, "training words do appear: " + seen);
    }

    @Test
    void heldOutFewShotPromptsTakeTheirLabelsFromTheDemos() {
        HeldOutTests tests = new HeldOutTests(lexicon());
        for (String kind : List.of("category", "language")) {
            for (Example e : tests.fewShot(kind, true, 4, 50, new SplittableRandom(9))) {
                String answer = e.completion().strip();
                assertTrue(e.prompt().contains("Output: " + answer + "\n"), "the answer is one of the demos' labels: " + e);
                assertTrue(e.prompt().endsWith("\nOutput:") && !e.prompt().contains("Output: Output"));
                assertEquals(5, e.prompt().split("Input: ", -1).length - 1, "four demos and the query");
            }
        }
    }
}
