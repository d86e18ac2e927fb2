package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.lm.Corpus;

class PromptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENTIMENT = "Is this review positive or negative?";

    private static Prompt sentiment() {
        return Prompt.of(SENTIMENT)
                .example("I love this kettle.", "positive")
                .example("The lid broke in a week.", "negative");
    }

    @Test
    void rendersTinysTrainingFormatExactly() {
        Prompt p = sentiment().input("The toaster works perfectly.");
        String expected = Corpus.prompt(SENTIMENT, List.of(new Corpus.Example("I love this kettle.", "positive"),
                new Corpus.Example("The lid broke in a week.", "negative")), "The toaster works perfectly.");
        assertEquals(expected, p.text());
        assertEquals(expected, p.toString());
        assertEquals(Corpus.prompt(SENTIMENT, List.of(), "I love it."), Prompt.of(SENTIMENT).input("I love it.").text());
        assertEquals(Corpus.prompt(null, List.of(new Corpus.Example("hot", "cold")), "big"),
                Prompt.empty().example("hot", "cold").input("big").text());
    }

    @Test
    void withoutAnInputTheTextEndsAfterTheExamples() {
        assertEquals(SENTIMENT + "\nInput: I love this kettle.\nOutput: positive\n\n"
                + "Input: The lid broke in a week.\nOutput: negative\n\n", sentiment().text());
        assertEquals(SENTIMENT + "\n", Prompt.of(SENTIMENT).text());
    }

    @Test
    void messagesAreSystemThenExamplePairsThenTheInput() {
        List<Message> m = sentiment().input("It broke.").messages();
        assertEquals(List.of(Message.system(SENTIMENT), Message.user("I love this kettle."), Message.assistant("positive"),
                Message.user("The lid broke in a week."), Message.assistant("negative"), Message.user("It broke.")), m);
        assertEquals(List.of(Message.user("big")), Prompt.empty().input("big").messages());
    }

    @Test
    void roleInstructionAudienceAndFormatMakeTheSystemMessageInThatOrder() {
        Prompt p = Prompt.empty()
                .format("Answer in 3 bullet points.")
                .audience("a 5-year-old")
                .instruction("Explain what a token is.")
                .role("a patient teacher");
        assertEquals("You are a patient teacher.\nExplain what a token is.\nWrite for a 5-year-old.\nAnswer in 3 bullet points.",
                p.system());
        assertEquals(List.of(Message.system(p.system())), p.messages());
        assertEquals("You are a pirate!", Prompt.empty().role("You are a pirate!").system());
        assertEquals("Explain it like I'm 5.", Prompt.empty().audience("Explain it like I'm 5.").system());
        assertNull(Prompt.empty().system());
    }

    @Test
    void delimitersWrapTheInputAndEveryExampleInput() {
        Prompt quoted = Prompt.of("Classify the review.").delimit("\"\"\"").example("Great.", "positive").input("Awful.");
        assertEquals("Classify the review.\nInput: \"\"\"Great.\"\"\"\nOutput: positive\n\nInput: \"\"\"Awful.\"\"\"\nOutput:",
                quoted.text());
        Prompt tagged = Prompt.of("Classify the review.").tag("review").input("Awful.");
        assertEquals(Message.user("<review>Awful.</review>"), tagged.messages().get(1));
        assertEquals("[Awful.]", Prompt.empty().delimit("[", "]").input("Awful.").input());
        assertThrows(IllegalArgumentException.class, () -> Prompt.empty().tag("a review"));
    }

    @Test
    void fieldsAreNameValueLinesBeforeTheInputText() {
        Prompt p = Prompt.of("Route the ticket.").field("customer", "Maria Smith").field("order", 48213).input("It is late.");
        assertEquals("customer: Maria Smith\norder: 48213\nIt is late.", p.input());
        assertEquals("customer: Maria Smith", Prompt.empty().field("customer", "Maria Smith").input());
        assertNull(Prompt.of("x").input());
    }

    @Test
    void examplesComeInPairsAndFewShotIsTheSame() {
        Prompt pairs = Prompt.of("Give the opposite of the word.").examples("hot", "cold", "big", "small");
        assertEquals(List.of(new Prompt.Example("hot", "cold"), new Prompt.Example("big", "small")), pairs.examples());
        assertEquals(pairs, Prompt.of("Give the opposite of the word.").fewShot("hot", "cold", "big", "small"));
        assertEquals(pairs, Prompt.of("Give the opposite of the word.").example("hot", "cold").example("big", "small"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prompt.empty().examples("hot", "cold", "big"));
        assertTrue(e.getMessage().contains("the last input has no output"), e.getMessage());
        assertEquals(Prompt.of("Give the opposite of the word."), pairs.withoutExamples());
    }

    @Test
    void isImmutable() {
        Prompt base = Prompt.of(SENTIMENT);
        Prompt withInput = base.example("Great.", "positive").input("Awful.");
        assertEquals(SENTIMENT + "\n", base.text());
        assertNotEquals(base, withInput);
        assertEquals(List.of(), base.examples());
    }

    @Test
    void partsAreLabelledInReadingOrder() {
        Prompt p = Prompt.of(SENTIMENT).role("a shop assistant").example("Great.", "positive").tag("r").input("Awful.");
        assertEquals(List.of(new Prompt.Part("role", "You are a shop assistant."), new Prompt.Part("instruction", SENTIMENT),
                new Prompt.Part("example 1 input", "<r>Great.</r>"), new Prompt.Part("example 1 output", "positive"),
                new Prompt.Part("input", "<r>Awful.</r>")), p.parts());
    }

    @Test
    void tokenCountIsWhatTinyReads() {
        Prompt p = sentiment().input("The toaster works perfectly.");
        Model tiny = Models.tiny();
        assertEquals(tiny.encoding().count(p.text()), p.tokens(tiny));
        assertEquals(p.tokens(tiny), tiny.complete(p, Options.defaults().maxTokens(1)).promptTokens());
        assertEquals(Tokens.cl100k().count(p.text()), p.count(Tokens.cl100k()));
        assertNotEquals(p.count(Tokens.cl100k()), p.tokens(tiny), "Tiny's small vocabulary needs more tokens");
    }

    @Test
    void fewShotPromptGetsTheRightLabelFromTiny() {
        Model tiny = Models.tiny();
        Options oneLine = Options.defaults().stop("\n").maxTokens(5);
        Map<String, String> reviews = Map.of(
                "The toaster works perfectly. Highly recommended.", "positive",
                "My new blender stopped working. I want a refund.", "negative",
                "This laptop is exactly what I wanted.", "positive",
                "The tent arrived damaged.", "negative");
        reviews.forEach((review, label) ->
                assertEquals(label, tiny.complete(sentiment().input(review), oneLine).answer(), review));
    }

    /** The table of Tiny's answers in docs/PLAY.md, section Prompts. */
    @Test
    void tinyAnswersAsDocsPlaySays() {
        Model tiny = Models.tiny();
        Options oneLine = Options.defaults().stop("\n");
        String review = "The tent arrived damaged.";
        assertEquals("negative", tiny.complete(Prompt.empty().input(review), oneLine).answer());
        assertEquals("negative", tiny.complete(Prompt.empty().example("I love this kettle.", "positive").input(review), oneLine).answer());
        assertEquals("blick", tiny.complete(Prompt.empty().examples("I love this kettle.", "zorp", "The lid broke in a week.", "blick",
                "The toaster is fantastic.", "zorp", "My scarf fell apart quickly.", "blick").input(review), oneLine).answer());
        assertEquals("spam", tiny.complete(Prompt.of("Is the message spam or ham?").input("Claim your million dollar reward now."),
                oneLine).answer());
        Prompt route = Prompt.of("Route the support ticket to a department: billing, shipping, technical or account.");
        assertEquals("billing", tiny.complete(route.input("Hi, I was charged twice for order 48213. No rush. - Maria Smith"),
                oneLine).answer());
        Completion c = tiny.complete(sentiment().input(review), oneLine);
        assertEquals(" negative", c.text());
        assertEquals(55, c.promptTokens());
        assertEquals("stop", c.finishReason());
    }

    @Test
    void aPromptOverTinysContextGivesPromptTooLong() {
        Prompt p = Prompt.of(SENTIMENT);
        for (int i = 0; i < 20; i++) {
            p = p.example("The coffee grinder I bought was a huge disappointment. Never again.", "negative");
        }
        Prompt tooLong = p.input("The kettle works perfectly.");
        int tokens = tooLong.tokens(Models.tiny());
        assertTrue(tokens > 256, "the prompt should overflow, it is " + tokens + " tokens");
        PromptTooLongException e = assertThrows(PromptTooLongException.class, () -> Models.tiny().complete(tooLong));
        assertEquals(tokens, e.promptTokens());
        assertEquals(256, e.contextWindow());
        assertTrue(e.getMessage().contains("The prompt is " + tokens + " tokens, but tiny reads at most 256 tokens"),
                e.getMessage());
        assertTrue(e.getMessage().contains("fewer examples"), e.getMessage());
    }

    @Test
    void promptDisplaySpecIsJsonWithTheDocumentedFields() throws Exception {
        Prompt p = sentiment().role("a shop assistant").input("Awful.");
        JsonNode spec = JSON.readTree(p.toDisplay());
        assertEquals("prompt", spec.get("kind").asText());
        assertEquals("tiny", spec.get("encoding").asText());
        assertEquals(p.tokens(Models.tiny()), spec.get("tokens").asInt());
        assertEquals(p.parts().size(), spec.get("parts").size());
        assertEquals("role", spec.get("parts").get(0).get("label").asText());
        assertEquals("You are a shop assistant.", spec.get("parts").get(0).get("text").asText());
        assertEquals("Awful.", spec.get("parts").get(p.parts().size() - 1).get("text").asText());

        JsonNode cl100k = JSON.readTree(p.toDisplay(Tokens.cl100k()));
        assertEquals("cl100k_base", cl100k.get("encoding").asText());
        assertEquals(p.count(Tokens.cl100k()), cl100k.get("tokens").asInt());
    }

    @Test
    void examplesFromADatasetAreItsInputsAndLabels() {
        Dataset pool = Dataset.of(org.tunelab.play.Example.of("I love it.", "positive"),
                org.tunelab.play.Example.of("It broke.", "negative"));
        Prompt p = Prompt.of("Is this review positive or negative?").examples(pool).input("Great.");
        assertEquals(Prompt.of("Is this review positive or negative?").example("I love it.", "positive")
                .example("It broke.", "negative").input("Great.").text(), p.text());
    }
}
