package org.tunelab.lm;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The committed base checkpoint: loads from the class path, fast, and answers. */
class BundledModelTest {

    @Test
    void loadsFromTheClassPathAndGenerates() {
        long t0 = System.nanoTime();
        Tiny tiny = Tiny.load();
        double ms = (System.nanoTime() - t0) / 1e6;
        assertEquals("tiny-base", tiny.id());
        assertEquals(TinyConfig.base(), tiny.config());
        assertEquals(1024, tiny.tokenizer().vocabSize());
        assertTrue(ms < 2000, "load took " + ms + " ms"); // the 200 ms target is measured by TinyBench; CI machines vary
        String text = "Input: The kettle is great.\nOutput: positive";
        assertEquals(text, tiny.tokenizer().decode(tiny.tokenizer().encode(text)));
        Generation g = tiny.generate("Is this review positive or negative?\nInput: The toaster broke after a week.\nOutput:",
                GenerateOptions.greedy().withMaxTokens(5).withStop("\n"));
        assertTrue(g.completionTokens() > 0);
        assertTrue(g.promptTokens() > 10);
    }

    @Test
    void javadocExampleOfTiny() {
        Tiny tiny = Tiny.load();
        Generation g = tiny.generate("Is this review positive or negative?\nInput: I love this kettle.\nOutput:",
                GenerateOptions.greedy().withMaxTokens(4).withStop("\n"));
        assertEquals(" positive", g.text());
        assertEquals("stop", g.finishReason());
        int[] ids = tiny.tokenizer().encode("Order 48213");
        assertEquals("8", tiny.tokenizer().piece(ids[ids.length - 4]));
    }

    @Test
    void refusesPromptsLongerThanTheContext() {
        Tiny tiny = Tiny.load();
        String prompt = "Input: the kettle is great\nOutput: positive\n\n".repeat(40);
        int n = tiny.tokenizer().encode(prompt).length;
        ContextOverflowException e = assertThrows(ContextOverflowException.class, () -> tiny.generate(prompt, GenerateOptions.greedy()));
        assertEquals(n, e.promptTokens());
        assertEquals(256, e.contextLength());
        assertTrue(e.getMessage().contains(n + " tokens") && e.getMessage().contains("256 tokens"), e.getMessage());
    }
}
