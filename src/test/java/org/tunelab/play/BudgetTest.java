package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BudgetTest {
    private static final String IN = "The kettle is great value. Would buy again.";
    private static final String OUT = "positive";

    private static Prompt question() {
        return Prompt.of("Is this review positive or negative?").input("The toaster stopped working.");
    }

    private static Prompt withCopies(Prompt p, int copies) {
        for (int i = 0; i < copies; i++) {
            p = p.example(IN, OUT);
        }
        return p;
    }

    @Test
    void countsThePromptInTheModelsTokens() {
        Model tiny = Models.tiny();
        Budget b = Budget.of(tiny).prompt(question()).answer(10);
        assertEquals(256, b.contextWindow());
        assertEquals(question().tokens(tiny), b.promptTokens());
        assertEquals(10, b.answerTokens());
        assertEquals(b.promptTokens() + 10, b.used());
        assertEquals(256 - b.used(), b.left());
        assertEquals(256 - b.promptTokens(), b.leftForAnswer());
        assertTrue(b.fits());
        assertEquals("tiny: prompt " + b.promptTokens() + " + answer 10 = " + b.used() + " of 256 tokens, " + b.left()
                + " to spare", b.toString());
    }

    @Test
    void aRawTextPromptIsCountedToo() {
        String text = "Input: I love it\nOutput:";
        assertEquals(Tokens.tiny().count(text), Budget.of(Models.tiny()).prompt(text).promptTokens());
        assertThrows(IllegalStateException.class, () -> Budget.of(Models.tiny()).prompt(text).examplesThatFit(IN, OUT));
    }

    @Test
    void examplesThatFitIsTheMostThatActuallyFit() {
        Model tiny = Models.tiny();
        int answer = 5;
        int k = Budget.examplesThatFit(tiny, question(), IN, OUT, answer);
        assertTrue(k > 3 && k < 20, "k = " + k);
        assertTrue(withCopies(question(), k).tokens(tiny) + answer <= 256);
        assertTrue(withCopies(question(), k + 1).tokens(tiny) + answer > 256);
        assertTrue(Budget.of(tiny).prompt(withCopies(question(), k)).answer(answer).fits());
        assertFalse(Budget.of(tiny).prompt(withCopies(question(), k + 1)).answer(answer).fits());
        assertEquals(0, Budget.of(tiny).prompt(withCopies(question(), k)).answer(answer).examplesThatFit(IN, OUT));
        // Tiny really takes the prompt with k examples, and refuses k + 1 examples when they pass its window.
        assertDoesNotThrow(() -> tiny.complete(withCopies(question(), k), Options.defaults().maxTokens(answer)));
    }

    @Test
    void aWiderWindowFitsMoreExamples() {
        Encoding cl100k = Tokens.cl100k();
        int k = Budget.of(8192, cl100k).prompt(question()).answer(100).examplesThatFit(IN, OUT);
        assertTrue(withCopies(question(), k).count(cl100k) + 100 <= 8192);
        assertTrue(withCopies(question(), k + 1).count(cl100k) + 100 > 8192);
        assertTrue(k > 100, "k = " + k);
    }

    @Test
    void aPromptThatDoesNotFitSaysByHowMuch() {
        Budget b = Budget.of(Models.tiny()).prompt(withCopies(question(), 30)).answer(10);
        assertFalse(b.fits());
        assertEquals(0, b.leftForAnswer());
        assertEquals(0, b.examplesThatFit(IN, OUT));
        assertTrue(b.toString().endsWith("does not fit (" + (b.used() - 256) + " over)"), b.toString());
        assertThrows(IllegalArgumentException.class, () -> Budget.of(Models.tiny()).answer(-1));
    }

    @Test
    void displaysAsAProgressBarOfTheWindow() throws Exception {
        Budget b = Budget.of(Models.tiny()).prompt(question()).answer(10);
        JsonNode spec = new ObjectMapper().readTree(b.toDisplay());
        assertEquals("progress", spec.get("kind").asText());
        assertEquals(b.used(), spec.get("value").asInt());
        assertEquals(256, spec.get("max").asInt());
        assertEquals(b.toString(), spec.get("label").asText());
    }
}
