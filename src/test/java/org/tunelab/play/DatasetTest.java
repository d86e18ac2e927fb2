package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.lm.Corpus;

class DatasetTest {

    /** One token per character: token counts a person can work out by hand. */
    static final class CharEncoding implements Encoding {
        @Override
        public String name() {
            return "chars";
        }

        @Override
        public int[] encode(String text) {
            return text.chars().toArray();
        }

        @Override
        public String decode(int[] ids) {
            return new String(ids, 0, ids.length);
        }

        @Override
        public String piece(int id) {
            return Character.toString(id);
        }
    }

    /** n distinct examples "ticket i" labelled a, b, c, d in turn. */
    static Dataset numbered(int n) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            examples.add(Example.of("ticket " + i, String.valueOf((char) ('a' + i % 4))));
        }
        return Dataset.of(examples);
    }

    // ---------------------------------------------------------------- examples

    @Test
    void anExampleKnowsItsInputAndLabelInBothFormats() {
        Example chat = Example.chat(Message.system("Route the ticket."), Message.user("Parcel lost."), Message.assistant("shipping"));
        assertTrue(chat.isChat());
        assertEquals("Parcel lost.", chat.input());
        assertEquals("shipping", chat.label());
        Example pc = Example.completion("Parcel lost.", " shipping");
        assertFalse(pc.isChat());
        assertEquals("Parcel lost.", pc.input());
        assertEquals("shipping", pc.label());
        assertEquals(" billing", pc.withLabel("billing").completion());
        assertEquals("Parcel lost. -> shipping", Example.of("Parcel lost.", "shipping").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Example.chat(Message.user("hi")));
        assertTrue(e.getMessage().contains("assistant"));
    }

    @Test
    void toTinyFollowsTheCorpusPromptFormat() {
        org.tunelab.lm.Example plain = Example.of("Parcel lost.", "shipping").toTiny();
        assertEquals("Input: Parcel lost.\nOutput:", plain.prompt());
        assertEquals(" shipping", plain.completion());
        assertEquals(Corpus.prompt(null, List.of(), "Parcel lost."), plain.prompt());

        Example instructed = Example.of("Parcel lost.", "shipping").withInstruction("Route the ticket.");
        assertEquals(Corpus.prompt("Route the ticket.", List.of(), "Parcel lost."), instructed.toTiny().prompt());
        assertEquals(instructed, instructed.withInstruction("Route the ticket."), "an instruction replaces the system message");

        Prompt fewShot = Prompt.of("Route the ticket.").example("Billed twice.", "billing");
        org.tunelab.lm.Example withPrompt = Example.of("Parcel lost.", "shipping").toTiny(fewShot);
        assertEquals(Corpus.prompt("Route the ticket.", List.of(new Corpus.Example("Billed twice.", "billing")), "Parcel lost."),
                withPrompt.prompt());
        assertEquals(" shipping", withPrompt.completion());

        assertEquals(plain, Example.completion("Parcel lost.", " shipping").toTiny());
        assertEquals(plain, Example.completion("Input: Parcel lost.\nOutput:", " shipping").toTiny());
        Dataset data = Dataset.of(Example.of("Parcel lost.", "shipping"));
        assertEquals(List.of(plain), data.toTinyExamples());
        assertEquals(data.toTinyExamples(), data.toPromptCompletion().toTinyExamples());
        assertEquals(List.of("Route the ticket.\nInput: Parcel lost.\nOutput:"),
                data.withInstruction("Route the ticket.").toTinyExamples().stream().map(org.tunelab.lm.Example::prompt).toList());
    }

    // ---------------------------------------------------------------- files

    @Test
    void chatFormatRoundTrips(@TempDir Path dir) throws Exception {
        Dataset data = Dataset.of(
                Example.chat(Message.system("Route the ticket."), Message.user("Parcel \"lost\"\nagain — ünïcode."),
                        Message.assistant("shipping")),
                Example.of("Billed twice.", "billing"));
        Path file = dir.resolve("sub/tickets.jsonl");
        data.save(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("system", first.get("messages").get(0).get("role").asText());
        assertEquals("shipping", first.get("messages").get(2).get("content").asText());
        Dataset loaded = Dataset.load(file);
        assertEquals(data, loaded);
        assertEquals(data.examples(), loaded.examples());
        assertEquals(file.toString(), loaded.name());
        assertEquals(data, Dataset.parse(data.toJsonl()));
        assertEquals(data, Dataset.load(file.toString()));
    }

    @Test
    void promptCompletionFormatRoundTrips(@TempDir Path dir) throws Exception {
        Dataset data = Dataset.of(Example.completion("Parcel lost.", " shipping"), Example.completion("Billed twice.", " billing"));
        Path file = dir.resolve("pc.jsonl");
        data.save(file);
        assertEquals("{\"prompt\":\"Parcel lost.\",\"completion\":\" shipping\"}", Files.readAllLines(file).get(0));
        Dataset loaded = Dataset.load(file);
        assertEquals(data, loaded);
        assertFalse(loaded.get(0).isChat());
        assertEquals(List.of("shipping", "billing"), loaded.labels());
        assertTrue(loaded.toString().contains("(prompt/completion)"), loaded.toString());
    }

    @Test
    void aMissingFileSaysWhere() {
        Exception e = assertThrows(java.io.UncheckedIOException.class, () -> Dataset.load(Path.of("no-such-dir/nothing.jsonl")));
        assertTrue(e.getMessage().contains("no file no-such-dir/nothing.jsonl"), e.getMessage());
    }

    // ---------------------------------------------------------------- reading

    @Test
    void sizeGetLabelsAndCounts() {
        Dataset data = numbered(10);
        assertEquals(10, data.size());
        assertEquals("ticket 3", data.get(3).input());
        assertEquals(10, data.stream().count());
        assertEquals(List.of("a", "b", "c", "d", "a", "b", "c", "d", "a", "b"), data.labels());
        assertEquals(List.of("a", "b", "c", "d"), data.labelSet());
        assertEquals(Map.of("a", 3L, "b", 3L, "c", 2L, "d", 2L), data.labelCounts());
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(data.labelCounts().keySet()), "most frequent first, ties by label");
        assertThrows(IndexOutOfBoundsException.class, () -> data.get(10));
        assertThrows(UnsupportedOperationException.class, () -> data.examples().add(Example.of("x", "y")));
        assertEquals("dataset: 10 examples (chat), 4 labels", data.toString());
    }

    @Test
    void statsOnAFixedDatasetMatchTheHandCount() throws Exception {
        // Tiny's text of Example.of(in, label) is "Input: " + in + "\nOutput:" and " " + label: 16 + |in| + |label| chars.
        Dataset data = Dataset.of(Example.of("a", "x"), Example.of("bb", "x"), Example.of("cccc", "y"), Example.of("dddddddd", "x"));
        DatasetStats s = data.stats(new CharEncoding());
        assertEquals(4, s.examples());
        assertEquals("chars", s.encoding());
        assertEquals(18 + 19 + 21 + 25, s.tokensTotal());
        assertEquals(18, s.tokensMin());
        assertEquals(20.75, s.tokensMean(), 1e-9);
        assertEquals(19, s.tokensP50()); // nearest rank: ceil(0.50 * 4) = 2nd of [18, 19, 21, 25]
        assertEquals(25, s.tokensP95()); // ceil(0.95 * 4) = 4th
        assertEquals(25, s.tokensMax());
        assertEquals(Map.of("x", 3L, "y", 1L), s.labelCounts());
        assertEquals(List.of("x", "y"), s.labels());
        assertTrue(s.toString().lines().anyMatch(l -> l.matches("tokens p95 +25")), s.toString());
        assertTrue(s.toString().lines().anyMatch(l -> l.matches("label x +3")), s.toString());
        JsonNode spec = new ObjectMapper().readTree(s.toDisplay());
        assertEquals("table", spec.get("kind").asText());
        assertEquals("[\"tokens mean\",20.8]", spec.get("rows").get(3).toString());
    }

    @Test
    void statsInARealEncodingAddUp() {
        Dataset data = Datasets.supportTickets(20, 3);
        Encoding cl100k = Tokens.cl100k();
        DatasetStats s = data.stats(cl100k);
        assertEquals(data.stream().mapToInt(e -> e.tokens(cl100k)).sum(), s.tokensTotal());
        assertTrue(s.tokensMin() <= s.tokensP50() && s.tokensP50() <= s.tokensP95() && s.tokensP95() <= s.tokensMax());
        assertEquals(20, s.labelCounts().values().stream().mapToLong(Long::longValue).sum());
    }

    // ---------------------------------------------------------------- splitting, sampling, noise

    @Test
    void splitIsSeededExactAndDisjoint() {
        Dataset data = numbered(101);
        Dataset.Split s = data.split(0.2, 7);
        assertEquals(20, s.validation().size()); // round(0.2 * 101) = 20
        assertEquals(81, s.train().size());
        Set<Example> all = new HashSet<>(s.train().examples());
        all.addAll(s.validation().examples());
        assertEquals(new HashSet<>(data.examples()), all);
        assertEquals(s, data.split(0.2, 7));
        assertNotEquals(s.validation(), data.split(0.2, 8).validation());
        assertTrue(isInOriginalOrder(data, s.train()) && isInOriginalOrder(data, s.validation()));
        assertEquals(0, data.split(0, 1).validation().size());
        assertThrows(IllegalArgumentException.class, () -> data.split(20, 1));
        assertEquals("train 81 examples, validation 20", s.toString());
    }

    @Test
    void sampleAndShuffleAreSeeded() {
        Dataset data = numbered(50);
        Dataset sample = data.sample(12, 3);
        assertEquals(12, sample.size());
        assertEquals(12, new HashSet<>(sample.examples()).size());
        assertTrue(data.examples().containsAll(sample.examples()));
        assertEquals(sample, data.sample(12, 3));
        assertNotEquals(sample, data.sample(12, 4));
        assertThrows(IllegalArgumentException.class, () -> data.sample(51, 3));

        Dataset shuffled = data.shuffle(5);
        assertEquals(shuffled, data.shuffle(5));
        assertNotEquals(data, shuffled);
        assertEquals(new HashSet<>(data.examples()), new HashSet<>(shuffled.examples()));
        assertEquals(3, data.head(3).size());
    }

    @Test
    void labelNoiseChangesExactlyThatManyLabelsWithinTheLabelSet() {
        Dataset data = numbered(50);
        Dataset noisy = data.withLabelNoise(0.2, 11);
        List<Integer> changed = IntStream.range(0, 50).filter(i -> !data.get(i).label().equals(noisy.get(i).label())).boxed().toList();
        assertEquals(10, changed.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(data.get(i).input(), noisy.get(i).input());
            assertTrue(data.labelSet().contains(noisy.get(i).label()));
        }
        assertEquals(noisy, data.withLabelNoise(0.2, 11));
        assertNotEquals(noisy, data.withLabelNoise(0.2, 12));
        assertEquals(3, countChanged(numbered(10), numbered(10).withLabelNoise(0.25, 1))); // round(2.5) = 3
        assertEquals(data, data.withLabelNoise(0, 1));
        assertEquals(50, countChanged(data, data.withLabelNoise(1, 1)));
        Exception e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(Example.of("a b c", "x")).withLabelNoise(1, 1));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    }

    @Test
    void concatAndInstruction() {
        Dataset a = numbered(3), b = numbered(5).sample(2, 1);
        Dataset both = a.concat(b);
        assertEquals(5, both.size());
        assertEquals(b.get(1), both.get(4));
        Dataset instructed = a.withInstruction("Route the ticket.");
        assertEquals(Message.system("Route the ticket."), instructed.get(0).messages().get(0));
        assertEquals(a.labels(), instructed.labels());
    }

    @Test
    void theDatasetDisplaysItsFirstExamples() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(numbered(12).toDisplay());
        assertEquals("table", spec.get("kind").asText());
        assertEquals(10, spec.get("rows").size());
        assertEquals("ticket 1", spec.get("rows").get(1).get(1).asText());
    }

    // ---------------------------------------------------------------- course datasets

    @Test
    void courseDatasetsAreDeterministicAndLabelledFromTheTask() {
        Dataset tickets = Datasets.supportTickets(120, 7);
        assertEquals(120, tickets.size());
        assertEquals(tickets, Datasets.supportTickets(120, 7));
        assertNotEquals(tickets, Datasets.supportTickets(120, 8));
        assertEquals(new Corpus().task("team").labels(), Datasets.labels("team"));
        assertEquals(Set.copyOf(Datasets.labels("team")), Set.copyOf(tickets.labelSet()));
        assertTrue(tickets.get(0).input().contains("order"), tickets.get(0).input());
        assertEquals(List.of(Role.USER, Role.ASSISTANT), tickets.get(0).messages().stream().map(Message::role).toList());

        Dataset products = Datasets.productCategories(200, 1);
        assertTrue(Datasets.labels("category").containsAll(products.labelSet()));
        assertEquals(6, products.labelSet().size());
        assertTrue(Set.of("positive", "negative").containsAll(Datasets.sentiment(30, 2).labelSet()));
        assertEquals(List.of("category", "team", "triage"), Datasets.reserved());
        assertTrue(Datasets.tasks().containsAll(List.of("sentiment", "department", "urgency", "order")));
        assertTrue(Datasets.labels("order").isEmpty());
        assertEquals(Datasets.task("department", 40, 5).size(), 40);
        assertEquals("Which team handles this ticket?", Datasets.instruction("team"));
        Exception e = assertThrows(IllegalArgumentException.class, () -> Datasets.task("weather", 1, 1));
        assertTrue(e.getMessage().contains("sentiment"), e.getMessage());

        DataCheck check = tickets.withInstruction(Datasets.instruction("team")).check(Models.tiny());
        assertTrue(check.ok(), check.toString());
        assertEquals(tickets.size(), tickets.toTinyExamples().size());
        assertTrue(tickets.toTinyExamples().get(0).completion().startsWith(" Team "));
    }

    private static boolean isInOriginalOrder(Dataset whole, Dataset part) {
        int last = -1;
        for (Example e : part) {
            int at = whole.examples().indexOf(e);
            if (at <= last) {
                return false;
            }
            last = at;
        }
        return true;
    }

    private static int countChanged(Dataset a, Dataset b) {
        return (int) IntStream.range(0, a.size()).filter(i -> !a.get(i).label().equals(b.get(i).label())).count();
    }
}
