package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Token counts against reference values. The ids below come from jtokkit's own reference files
 * (lib/src/test/resources/cl100k_base_encodings.csv and o200k_base_encodings.csv, made with OpenAI's tiktoken),
 * except "hello world", whose 2 tokens the issue names.
 */
class TokensTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void helloWorldIsTwoTokensInBothOpenAiEncodings() {
        assertEquals(2, Tokens.cl100k().count("hello world"));
        assertEquals(2, Tokens.o200k().count("hello world"));
        assertArrayEquals(new int[] {15339, 1917}, Tokens.cl100k().encode("hello world"));
    }

    @Test
    void cl100kMatchesReferenceIds() {
        Encoding e = Tokens.cl100k();
        assertEquals("cl100k_base", e.name());
        assertArrayEquals(new int[] {9906, 1917, 0}, e.encode("Hello world!"));
        assertArrayEquals(new int[] {2028, 374, 264, 11914, 2085, 12908, 13}, e.encode("This is a sentence without spaces."));
        assertArrayEquals(new int[] {40, 3021, 11410, 235, 243}, e.encode("I love 🍕"));
        assertEquals(14, e.count("How about numbers? 123 45.6 -78.9"));
    }

    @Test
    void o200kMatchesReferenceIds() {
        Encoding e = Tokens.o200k();
        assertEquals("o200k_base", e.name());
        assertArrayEquals(new int[] {13225, 2375, 0}, e.encode("Hello world!"));
        assertArrayEquals(new int[] {2500, 382, 261, 21872, 2935, 18608, 13}, e.encode("This is a sentence without spaces."));
        assertArrayEquals(new int[] {95839, 28428}, e.encode("こんにちは世界"));
        assertEquals(14, e.count("How about numbers? 123 45.6 -78.9"));
    }

    @Test
    void encodeThenDecodeGivesTheTextBackInEveryEncoding() {
        List<String> texts = List.of("hello world", "Is this review positive or negative?\nInput: I love it.\nOutput:",
                "Order #48213, urgent!", "I love 🍕", "こんにちは世界", "  two  spaces\tand a tab ", "");
        for (Encoding e : List.of(Tokens.tiny(), Tokens.cl100k(), Tokens.o200k())) {
            for (String text : texts) {
                assertEquals(text, e.decode(e.encode(text)), e.name() + ": " + text);
                assertEquals(e.encode(text).length, e.count(text), e.name() + " count: " + text);
            }
        }
    }

    @Test
    void tinySplitsDigitsOneByOne() {
        Encoding tiny = Tokens.tiny();
        assertEquals("tiny", tiny.name());
        assertEquals(5, tiny.count("48213"));
        assertEquals(List.of("4", "8", "2", "1", "3"), Tokens.show("48213").pieces());
    }

    @Test
    void forModelPicksTheEncodingOfTheModelFamily() {
        assertEquals("tiny", Tokens.forModel("tiny").name());
        assertEquals("o200k_base", Tokens.forModel("gpt-4o-mini").name());
        assertEquals("o200k_base", Tokens.forModel("o3").name());
        assertEquals("cl100k_base", Tokens.forModel("gpt-4").name());
        assertEquals("cl100k_base", Tokens.forModel("llama3.2").name());
    }

    @Test
    void showListsEachPieceWithItsId() {
        TokenView view = Tokens.show("hello world", Tokens.cl100k());
        assertEquals(2, view.count());
        assertEquals(List.of(new TokenView.Token(15339, "hello"), new TokenView.Token(1917, " world")), view.tokens());
        assertEquals("cl100k_base, 2 tokens: hello| world\nids: [15339, 1917]", view.toString());
    }

    @Test
    void showOfAsciiTextHasPiecesThatJoinToTheText() {
        String text = "Is this review positive or negative?\nInput: The kettle broke.\nOutput:";
        for (Encoding e : List.of(Tokens.tiny(), Tokens.cl100k(), Tokens.o200k())) {
            TokenView view = Tokens.show(text, e);
            assertEquals(text, String.join("", view.pieces()), e.name());
            assertArrayEquals(e.encode(text), view.ids(), e.name());
        }
        assertTrue(Tokens.show("a\nb", Tokens.cl100k()).toString().contains("\\n"), "newlines are visible in the text view");
    }

    @Test
    void aTokenHoldingPartOfACharacterShowsAsReplacement() {
        TokenView view = Tokens.show("I love 🍕", Tokens.cl100k());
        // 11410 is a space and the first two bytes of the emoji; 235 and 243 are one byte each
        assertEquals(List.of("I", " love", " \uFFFD", "\uFFFD", "\uFFFD"), view.pieces());
        assertEquals("I love 🍕", Tokens.cl100k().decode(view.ids()));
    }

    @Test
    void showOfAModelUsesItsEncoding() {
        assertEquals(Tokens.show("hello world").tokens(), Tokens.show("hello world", Models.tiny()).tokens());
        assertEquals("tiny", Tokens.show("hello world", Models.tiny()).encoding());
    }

    @Test
    void tokensDisplaySpecIsJsonWithTheDocumentedFields() throws Exception {
        JsonNode spec = JSON.readTree(Tokens.show("hello world", Tokens.o200k()).toDisplay());
        assertEquals("tokens", spec.get("kind").asText());
        assertEquals("o200k_base", spec.get("encoding").asText());
        assertEquals(2, spec.get("count").asInt());
        assertEquals(2, spec.get("tokens").size());
        assertEquals(24912, spec.get("tokens").get(0).get("id").asInt());
        assertEquals("hello", spec.get("tokens").get(0).get("text").asText());
        assertEquals(" world", spec.get("tokens").get(1).get("text").asText());
    }
}
