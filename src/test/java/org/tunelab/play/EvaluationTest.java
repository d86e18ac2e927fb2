package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Six reviews whose answers are fixed, so every number below can be worked out by hand. Case-sensitive, three
     * are right (good, bad, fine); "great" is answered "Positive" (right only ignoring case), "awful" wrongly, "meh"
     * with "neutral", which is no label.
     */
    private static final Dataset REVIEWS = Dataset.of(
            Example.of("good", "positive"), Example.of("great", "positive"), Example.of("bad", "negative"),
            Example.of("awful", "negative"), Example.of("meh", "negative"), Example.of("fine", "positive")).named("reviews");

    private static final Prompt CLASSIFY = Prompt.of("Classify.").example("nice", "positive");

    /**
     * A test fixture, not a stand-in for a user-facing part: a Model whose answers are a fixed table, so that the
     * arithmetic of Evaluation can be checked exactly. It reads 10 tokens per message and takes 10 ms per
     * character of the input.
     */
    private static final class Fixed implements Model {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public Encoding encoding() {
            return Tokens.tiny();
        }

        @Override
        public int contextWindow() {
            return 256;
        }

        @Override
        public Completion complete(String prompt, Options options) {
            return chat(List.of(Message.user(prompt)), options);
        }

        @Override
        public Completion chat(List<Message> messages, Options options) {
            String input = messages.get(messages.size() - 1).content();
            String instruction = messages.get(0).role() == Role.SYSTEM ? messages.get(0).content() : "";
            String answer = Map.of("good", "positive", "great", " Positive ", "bad", "negative", "awful", "positive",
                    "meh", "neutral", "fine", "positive").getOrDefault(input, "?");
            if (instruction.equals("Sentiment?") && input.equals("awful")) {
                answer = "negative";
            }
            if (instruction.equals("Review sentiment?") && input.equals("meh")) {
                answer = "negative";
            }
            if (options.temperature() > 0 && input.equals("bad")) {
                answer = options.seed() % 2 == 0 ? "negative" : "positive";
            }
            if (options.temperature() > 0 && input.equals("meh") && options.seed() == 3) {
                answer = "negative";
            }
            return new Completion(answer, name(), 10 * messages.size(), 1, "stop", Duration.ofMillis(10L * input.length()));
        }
    }

    @Test
    void accuracyTokensLatencyAndWrongCasesOnAFixedDataset() throws Exception {
        EvalResult r = Evaluation.of(new Fixed(), CLASSIFY).quiet().run(REVIEWS);
        assertEquals(6, r.n());
        assertEquals(3, r.correct());
        assertEquals(0.5, r.accuracy());
        assertEquals(40.0, r.meanPromptTokens()); // system, example in, example out, input: 4 messages x 10
        assertEquals(1.0, r.meanCompletionTokens());
        assertEquals(Duration.ofMillis(40), r.meanLatency()); // 24 characters x 10 ms / 6
        assertEquals(List.of("great", "awful", "meh"), r.wrong().stream().map(EvalResult.Case::input).toList());
        assertEquals("Positive", r.wrong().get(0).got(), "answers are compared without surrounding spaces");
        assertEquals("fixed: accuracy 0.5 (3/6), 40 prompt tokens, 40 ms per answer", r.summary());

        JsonNode spec = JSON.readTree(r.toDisplay());
        assertEquals("table", spec.get("kind").asText());
        assertEquals("[\"input\",\"expected\",\"got\"]", spec.get("columns").toString());
        assertEquals("[\"meh\",\"negative\",\"neutral\"]", spec.get("rows").get(2).toString());
        assertTrue(spec.get("title").asText().startsWith(r.summary()));

        EvalResult loose = Evaluation.of(new Fixed(), CLASSIFY).ignoreCase().quiet().run(REVIEWS);
        assertEquals(4, loose.correct());
    }

    @Test
    void theConfusionMatrixCountsLabelsAgainstAnswers() throws Exception {
        Confusion m = Evaluation.of(new Fixed(), CLASSIFY).quiet().run(REVIEWS).confusion();
        assertEquals(List.of("negative", "positive"), m.labels());
        assertEquals(1, m.count("negative", "negative"));
        assertEquals(1, m.count("negative", "positive")); // awful
        assertEquals(1, m.count("negative", "other"));    // meh -> neutral
        assertEquals(0, m.count("positive", "negative"));
        assertEquals(2, m.count("positive", "positive"));
        assertEquals(1, m.count("positive", "other"));    // great -> Positive, case-sensitive
        assertEquals(6, m.total());
        assertEquals(3, m.correct());
        assertEquals(1.0 / 3, m.recall("negative"), 1e-12);
        Exception e = assertThrows(IllegalArgumentException.class, () -> m.count("neutral", "other"));
        assertTrue(e.getMessage().contains("[negative, positive]"), e.getMessage());

        JsonNode spec = JSON.readTree(m.toDisplay());
        assertEquals("table", spec.get("kind").asText());
        assertEquals("[\"expected \\\\ answered\",\"negative\",\"positive\",\"other\",\"total\"]", spec.get("columns").toString());
        assertEquals("[[\"negative\",1,1,1,3],[\"positive\",0,2,1,3]]", spec.get("rows").toString());

        Confusion loose = Evaluation.of(new Fixed(), CLASSIFY).ignoreCase().quiet().run(REVIEWS).confusion();
        assertEquals(3, loose.count("positive", "positive"));
        assertEquals(0, loose.count("positive", "other"));
    }

    @Test
    void consistencyAcrossParaphrasedInstructions() throws Exception {
        Consistency c = Evaluation.of(new Fixed(), CLASSIFY).quiet()
                .paraphrases(REVIEWS, "Classify.", "Sentiment?", "Review sentiment?");
        assertEquals(List.of(3 / 6.0, 4 / 6.0, 4 / 6.0), c.accuracies());
        List<Consistency.Row> rows = c.examples();
        assertEquals(List.of("positive", "negative", "positive"), rows.get(3).answers()); // awful
        assertEquals("positive", rows.get(3).majority());
        assertEquals(2 / 3.0, rows.get(3).agreement(), 1e-12);
        assertEquals("neutral", rows.get(4).majority());                                 // meh
        assertEquals(2 / 3.0, rows.get(4).agreement(), 1e-12);
        assertEquals(1.0, rows.get(1).agreement());
        assertEquals((4 + 2 / 3.0 + 2 / 3.0) / 6, c.agreement(), 1e-12);
        assertEquals(4 / 6.0, c.unanimous(), 1e-12);
        assertEquals(3 / 6.0, c.majorityAccuracy(), 1e-12);

        JsonNode spec = JSON.readTree(c.toDisplay());
        assertEquals("table", spec.get("kind").asText());
        assertEquals("[\"variant\",\"accuracy\",\"prompt tokens\"]", spec.get("columns").toString());
        assertEquals("Sentiment?", spec.get("rows").get(1).get(0).asText());
        assertEquals(7, c.examplesTable().columns().size());
    }

    @Test
    void consistencyAcrossSeedsAndATieGoesToTheFirstAnswer() {
        Consistency c = Evaluation.of(new Fixed(), CLASSIFY).quiet().seeds(REVIEWS, 0.8, 5);
        assertEquals(List.of("seed 0", "seed 1", "seed 2", "seed 3", "seed 4"), c.variants());
        assertEquals(List.of(3 / 6.0, 2 / 6.0, 3 / 6.0, 3 / 6.0, 3 / 6.0), c.accuracies());
        assertEquals(0.6, c.examples().get(2).agreement(), 1e-12);  // bad: negative 3 of 5
        assertEquals(0.8, c.examples().get(4).agreement(), 1e-12);  // meh: neutral 4 of 5
        assertEquals((4 + 0.6 + 0.8) / 6, c.agreement(), 1e-12);
        assertEquals(4 / 6.0, c.unanimous(), 1e-12);

        Consistency two = Evaluation.of(new Fixed(), CLASSIFY).quiet().paraphrases(REVIEWS, "Classify.", "Sentiment?");
        assertEquals("positive", two.examples().get(3).majority()); // positive vs negative: the first wording's
        assertEquals(0.5, two.examples().get(3).agreement());
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(new Fixed(), CLASSIFY).seeds(REVIEWS, 0.8, 1));
    }

    @Test
    void aComparisonIsOneTableAndOneBarChart() throws Exception {
        Model fixed = new Fixed();
        Comparison c = Evaluation.compare(REVIEWS)
                .add("one-shot", Evaluation.of(fixed, CLASSIFY).quiet())
                .add("ignoring case", Evaluation.of(fixed, CLASSIFY).ignoreCase().quiet())
                .add("zero-shot", Evaluation.of(fixed, Prompt.of("Sentiment?")).quiet())
                .run();
        assertEquals(List.of("one-shot", "ignoring case", "zero-shot"), c.names());
        assertEquals(4, c.result("ignoring case").correct());
        JsonNode table = JSON.readTree(c.toDisplay());
        assertEquals("table", table.get("kind").asText());
        assertEquals("[\"entry\",\"model\",\"accuracy\",\"correct\",\"prompt tokens\",\"latency ms\"]", table.get("columns").toString());
        assertEquals("[\"zero-shot\",\"fixed\",0.6666666666666666,\"4/6\",20.0,40.0]", table.get("rows").get(2).toString());

        JsonNode chart = JSON.readTree(c.chart().toDisplay());
        assertEquals("chart", chart.get("kind").asText());
        assertEquals("bar", chart.get("chart").asText());
        assertEquals("[\"one-shot\",\"ignoring case\",\"zero-shot\"]", chart.get("x").get("values").toString());
        assertEquals("[0.5,0.6666666666666666,0.6666666666666666]", chart.get("series").get(0).get("values").toString());
        assertThrows(IllegalArgumentException.class, () -> c.result("nope"));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.compare(REVIEWS).add("a", fixed, CLASSIFY).add("a", fixed, CLASSIFY));
    }

    @Test
    void aProgressBarAdvancesUnderOneIdInsideAKernel() throws Exception {
        List<String[]> shown = new ArrayList<>();
        BiConsumer<String, String> channel = (id, spec) -> shown.add(new String[] {id, spec});
        System.getProperties().put(Display.HOOK, channel);
        try {
            Evaluation.of(new Fixed(), CLASSIFY).run(REVIEWS);
        } finally {
            System.getProperties().remove(Display.HOOK);
        }
        assertTrue(shown.size() >= 2 && shown.size() <= 7, "updates: " + shown.size());
        JsonNode first = JSON.readTree(shown.get(0)[1]);
        JsonNode last = JSON.readTree(shown.get(shown.size() - 1)[1]);
        assertEquals("progress", first.get("kind").asText());
        assertEquals(0, first.get("value").asInt());
        assertEquals(6, last.get("value").asInt());
        assertEquals(6, last.get("max").asInt());
        assertTrue(last.get("label").asText().startsWith("Evaluating fixed"), last.get("label").asText());
        assertNotNull(shown.get(0)[0]);
        assertTrue(shown.stream().allMatch(s -> s[0].equals(shown.get(0)[0])), "one id for the whole run");
    }

    @Test
    void promptsAndTemplatesMustLeaveRoomForTheInput() {
        Model fixed = new Fixed();
        assertEquals("Review: great", Evaluation.of(fixed, Template.of("Review: {{review}}")).promptFor("great").input());
        assertEquals("Classify.", Evaluation.of(fixed, Prompt.of("Classify."), Template.of("R: {{r}}")).promptFor("x").system());
        Exception e = assertThrows(IllegalArgumentException.class, () -> Evaluation.of(fixed, CLASSIFY.input("already")));
        assertTrue(e.getMessage().contains("already has an input"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(fixed, Template.of("{{a}} and {{b}}")));
    }

    @Test
    void tinyClassifiesSentimentFromAFewShotPrompt() {
        Dataset data = Datasets.sentiment(16, 1);
        Prompt fewShot = Prompt.of("Is this review positive or negative?")
                .example("I love this kettle.", "positive")
                .example("The lid broke in a week.", "negative");
        Evaluation evaluation = Evaluation.of(Models.tiny(), fewShot).quiet();
        EvalResult r = evaluation.run(data);
        assertTrue(r.accuracy() >= 0.8, r.toString());
        assertTrue(r.meanPromptTokens() > 30 && r.meanPromptTokens() < 120, r.toString());
        assertEquals(r.correct(), r.confusion().correct());

        Consistency greedy = evaluation.seeds(data.head(4), 0, 2);
        assertEquals(1.0, greedy.agreement(), "at temperature 0 every seed gives the same answer");
    }
}
