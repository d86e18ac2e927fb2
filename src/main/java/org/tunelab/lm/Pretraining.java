package org.tunelab.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.tunelab.lm.Corpus.pick;

/**
 * Tiny 2's pretraining corpus: the course's tasks ({@link Corpus}, with tickets signed by
 * thousands of real and invented names, real SpamAssassin mail for spam and negated and
 * contrastive reviews for sentiment), facts about words from WordNet, in-context-learning episodes
 * over the {@link Lexicon} ({@link Episodes}) and name-copying notes. The report's held-out items
 * (names, negation forms, category and language pairs) never appear.
 *
 * <p>Shares per document: 42% course tasks, 15% facts, 30% lexical episodes, 8% more sentiment
 * (instructed or few-shot), 5% notes that repeat a name. (The first Tiny 2 run, at commit 86ce115,
 * had 40% course tasks and 15% facts, and single words only in its episodes; at 26M tokens it
 * still finished "A horse is a kind of" with "feeling". The second, at 9621208, had 35% course
 * tasks, 20% facts and 7% notes: names copied 0.99, but department routing fell to 0.84.)
 */
public final class Pretraining implements Documents {

    static final String[] FACT_FORMS = {"A %s is a kind of %s.", "The %s is a %s.", "%s: a kind of %s.",
        "Is a %s a %s? Yes.", "Every %s is a %s."};
    static final String[] NOTE_FORMS = {"Meeting notes: %s joined late. Action items go to %s.",
        "Call from %s today. Please call %s back tomorrow.", "Guest list: %s. Seat %s near the door.",
        "Signed, %s. Reply to %s before Friday.", "%s won the prize. Congratulations to %s!"};

    private final Lexicon lex;
    private final Corpus corpus;
    private final Episodes episodes;
    private final Reviews reviews;

    public Pretraining(Lexicon lex) {
        this.lex = lex;
        this.episodes = new Episodes(lex);
        List<String> products = new ArrayList<>();
        for (String[] p : Corpus.PRODUCTS) products.add(p[0]);
        products.addAll(artifacts(false));
        this.reviews = new Reviews(products, false);
        Corpus base = new Corpus();
        Corpus c = base.withGenerator("sentiment", r -> r.nextInt(5) < 2 ? base.task("sentiment").sample(r) : reviews.sample(r))
            .withGenerator("spam", r -> {
                boolean spam = r.nextBoolean();
                return r.nextInt(3) == 0 ? base.task("spam").sample(r)
                    : new Corpus.Example(one(r, (spam ? lex.spam() : lex.ham())), spam ? "spam" : "ham");
            });
        for (String t : List.of("department", "urgency", "order", "name")) {
            Corpus.Task task = base.task(t);
            c = c.withGenerator(t, r -> {
                Corpus.Ticket k = ticket(r);
                return new Corpus.Example(k.text(), switch (task.name()) {
                    case "department" -> Corpus.DEPTS[k.dept()];
                    case "urgency" -> k.urgent() ? "urgent" : "normal";
                    case "order" -> k.order();
                    default -> k.name();
                });
            });
        }
        this.corpus = c;
    }

    /** The products reviews in held-out tests are about: one in five of the lexicon's artifacts. */
    List<String> heldOutProducts() {
        return artifacts(true);
    }

    /** Tools, furniture, clothing and instruments: the held-out fifth (by a hash of the word), or the rest. */
    private List<String> artifacts(boolean heldOut) {
        List<String> out = new ArrayList<>();
        for (String c : List.of("tool", "furniture", "clothing", "instrument")) {
            for (String w : lex.categories().get(c)) if ((Math.floorMod(w.hashCode(), 5) == 0) == heldOut) out.add(w);
        }
        return out;
    }

    Episodes episodes() { return episodes; }

    Lexicon lexicon() { return lex; }

    Corpus corpus() { return corpus; }

    @Override
    public String document(SplittableRandom r) {
        int kind = r.nextInt(100);
        if (kind < 42) return corpus.document(r);
        if (kind < 57) return fact(r);
        if (kind < 87) return episodes.trainingEpisode(r);
        if (kind < 95) {
            Corpus.Task s = corpus.task("sentiment");
            String instr = one(r, s.trainedWordings());
            return r.nextBoolean() ? Corpus.episode(r, s, 0, instr, null) : Corpus.episode(r, s, 1 + r.nextInt(6), r.nextBoolean() ? instr : null, null);
        }
        String name = name(r);
        return String.format(pick(r, NOTE_FORMS), name, r.nextBoolean() ? name : name.split(" ")[0]);
    }

    /** A category fact, a definition or an antonym pair. */
    String fact(SplittableRandom r) {
        int kind = r.nextInt(10);
        List<String> cats = List.copyOf(lex.categories().keySet());
        if (kind < 5) {
            StringBuilder b = new StringBuilder();
            for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                String c = one(r, cats);
                String w = word(r, c);
                b.append(b.length() == 0 ? "" : " ").append(Reviews.capital(String.format(pick(r, FACT_FORMS), w, c)));
            }
            return b.toString();
        }
        if (kind < 7) {
            String c = one(r, cats);
            List<String> some = new ArrayList<>();
            for (int i = 0, n = 3 + r.nextInt(5); i < n; i++) some.add(word(r, c));
            return "Examples of " + c + ": " + String.join(", ", some) + ".";
        }
        if (kind < 9) {
            String c = one(r, cats);
            String w = word(r, c);
            String g = lex.glosses().get(w.toLowerCase());
            return g == null ? "A " + w + " is a " + c + "." : Reviews.capital(w) + ": " + g + ".";
        }
        String[] a = lex.antonyms().get(r.nextInt(lex.antonyms().size()));
        return r.nextBoolean() ? "The opposite of " + a[0] + " is " + a[1] + "." : "Input: " + a[0] + "\nOutput: " + a[1];
    }

    /** A word of category c: half of the time an everyday one ("dog" rather than "ocelot"). */
    private String word(SplittableRandom r, String c) {
        List<String> everyday = lex.everyday().getOrDefault(c, List.of());
        return one(r, everyday.isEmpty() || r.nextBoolean() ? lex.categories().get(c) : everyday);
    }

    /** A full name: real first name, and a real or an invented surname (or both invented). */
    String name(SplittableRandom r) {
        int how = r.nextInt(10);
        String first = how < 8 ? one(r, lex.firstNames()) : invented(r);
        String last = how < 4 ? one(r, lex.surnames()) : invented(r);
        return first + " " + last;
    }

    static <T> T one(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** A capitalised word of 3-9 random letters. */
    static String invented(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 3 + r.nextInt(7); i < n; i++) b.append((char) ('a' + r.nextInt(26)));
        return Reviews.capital(b.toString());
    }

    private Corpus.Ticket ticket(SplittableRandom r) {
        String[] n = name(r).split(" ");
        return Corpus.ticket(r, new String[] {n[0]}, new String[] {n[1]});
    }
}
