package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredTest {
    private static final JsonShape TICKET = JsonShape.object("department", "urgency", "order")
            .allow("department", "billing", "shipping", "technical", "account")
            .allow("urgency", "urgent", "normal")
            .pattern("order", "\\d{5}");
    private static final String VALID = "{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": \"48213\"}";

    /** Answers from a script, one entry per request, and records each request's options. */
    private static final class Scripted implements Model {
        final List<String> script;
        final List<Options> asked = new ArrayList<>();

        Scripted(String... answers) {
            script = List.of(answers);
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Encoding encoding() {
            return Tokens.tiny();
        }

        @Override
        public int contextWindow() {
            return 10_000;
        }

        @Override
        public Completion complete(String prompt, Options options) {
            asked.add(options);
            return new Completion(" " + script.get(Math.min(asked.size(), script.size()) - 1), name(), 3, 2, "stop", Duration.ZERO);
        }

        @Override
        public Completion chat(List<Message> messages, Options options) {
            return complete(messages.get(messages.size() - 1).content(), options);
        }
    }

    @Test
    void theJavadocExamples() {
        assertTrue(TICKET.check(VALID).valid());
        assertEquals("not a JSON object but a number: 48213", TICKET.check("48213").problem());
        assertEquals("\"department\" is \"sales\"; allowed: billing, shipping, technical, account",
                TICKET.check("{\"department\": \"sales\", \"urgency\": \"urgent\", \"order\": \"48213\"}").problem());
    }

    @Test
    void aValidAnswerGivesItsFieldsInTheShapesOrder() {
        JsonShape.Check c = TICKET.check("  {\"order\": \"00881\", \"urgency\": \"normal\", \"department\": \"shipping\"}\n");
        assertTrue(c.valid(), c.toString());
        assertEquals(List.of("department", "urgency", "order"), List.copyOf(c.fields().keySet()));
        assertEquals("00881", c.get("order"));
        assertEquals("", c.problem());
    }

    @Test
    void eachKindOfWrongAnswerIsNamed() {
        Map<String, String> problems = Map.of(
                "billing", "not JSON: ",
                "", "not JSON: the answer is empty",
                "\"billing\"", "not a JSON object but a string",
                "[1, 2]", "not a JSON object but an array",
                "{\"department\": \"billing\", \"urgency\": \"urgent\"}", "missing field \"order\"",
                "{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": \"48213\", \"note\": \"x\"}", "unexpected field \"note\"",
                "{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": 48213}", "\"order\" is a number, not text: 48213",
                "{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": \"488213\"}", "\"order\" is \"488213\", which does not match \\d{5}",
                VALID + " Hope this helps!", "not JSON: ");
        problems.forEach((answer, problem) -> {
            JsonShape.Check c = TICKET.check(answer);
            assertFalse(c.valid(), answer);
            assertTrue(c.problem().startsWith(problem), answer + " -> " + c.problem());
            assertTrue(c.fields().isEmpty());
            assertThrows(IllegalStateException.class, () -> c.get("order"));
        });
        assertFalse(TICKET.check(null).valid());
    }

    @Test
    void writeGivesWellFormedJsonThatTheCheckReads() {
        String json = TICKET.write(Map.of("order", "48213", "urgency", "urgent", "department", "billing"));
        assertEquals(VALID, json);
        assertEquals("\"department\" is \"sa\"les\"; allowed: billing, shipping, technical, account",
                TICKET.check(TICKET.write(Map.of("order", "48213", "urgency", "urgent", "department", "sa\"les"))).problem(),
                "a quote in a value is escaped, and the value is still checked");
    }

    @Test
    void aShapeRefusesRulesForFieldsItDoesNotHave() {
        assertThrows(IllegalArgumentException.class, () -> TICKET.allow("team", "Team Ledger"));
        assertThrows(IllegalArgumentException.class, () -> JsonShape.object());
        assertThrows(IllegalArgumentException.class, () -> JsonShape.object("a", "a"));
        assertEquals(List.of("urgent", "normal"), TICKET.allowed("urgency"));
        assertEquals(List.of(), TICKET.allowed("order"));
    }

    @Test
    void aValidFirstAnswerTakesOneRequest() {
        Scripted model = new Scripted(VALID);
        Structured.Answer a = Structured.of(model, Prompt.empty(), TICKET).tries(3).ask("a ticket");
        assertTrue(a.valid());
        assertEquals(1, a.tries());
        assertEquals(List.of(), a.problems());
        assertEquals(0.0, model.asked.get(0).temperature());
    }

    @Test
    void retriesSampleWithNewSeedsUntilAnAnswerIsValid() {
        Scripted model = new Scripted("48213", "{\"department\": \"billing\"}", VALID);
        Structured.Answer a = Structured.of(model, Prompt.empty(), TICKET).tries(5).temperature(0.7).ask("a ticket");
        assertTrue(a.valid());
        assertEquals(3, a.tries());
        assertEquals(2, a.problems().size());
        assertEquals("missing field \"urgency\"", a.problems().get(1));
        assertEquals(List.of(0.0, 0.7, 0.7), model.asked.stream().map(Options::temperature).toList());
        assertEquals(List.of(0L, 1L, 2L), model.asked.stream().map(Options::seed).toList());
        assertEquals("valid after 3 tries: {department=billing, urgency=urgent, order=48213}", a.toString());
    }

    @Test
    void aModelThatNeverWritesTheShapeSpendsTheWholeBudget() {
        Scripted model = new Scripted("48213");
        Structured.Answer a = Structured.of(model, Prompt.empty(), TICKET).tries(4).ask("a ticket");
        assertFalse(a.valid());
        assertEquals(4, a.tries());
        assertEquals("48213", a.text());
        assertThrows(IllegalArgumentException.class, () -> Structured.of(model, Prompt.empty(), TICKET).tries(0));
        assertThrows(IllegalArgumentException.class, () -> Structured.of(model, Prompt.empty(), TICKET).temperature(0));
    }

    @Test
    void aReportCountsValidFirstTryRightAndRequests() {
        Dataset data = Dataset.of(Example.of("one", VALID), Example.of("two", VALID.replace("billing", "shipping")),
                Example.of("three", VALID));
        // one: valid and right at once; two: valid but wrong department at once; three: invalid, then right
        Scripted model = new Scripted(VALID, VALID, "oops", VALID);
        Structured.Report r = Structured.of(model, Prompt.empty(), TICKET).tries(2).run(data);
        assertEquals(3, r.n());
        assertEquals(1.0, r.valid(), 1e-9);
        assertEquals(2 / 3.0, r.firstTry(), 1e-9);
        assertEquals(2 / 3.0, r.right(), 1e-9);
        assertEquals(4, r.calls());
        assertEquals(4 / 3.0, r.callsPerInput(), 1e-9);
        assertEquals("scripted, up to 2 tries: valid 1 (0.6667 on the first try), right 0.6667, 1.3333 requests per input",
                r.summary());
        assertEquals(3, r.table().rows().size());
    }

    @Test
    void aReportNeedsLabelsInTheShape() {
        Dataset lines = Dataset.of(Example.of("a ticket", "billing | urgent | 48213"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Structured.of(new Scripted(VALID), Prompt.empty(), TICKET).run(lines));
        assertTrue(e.getMessage().startsWith("example 1's label is not in the shape"), e.getMessage());
    }

    @Test
    void tinyFromAPromptNeverWritesTheObject() {
        Prompt askJson = Prompt.of("Write the ticket as JSON with the keys department, urgency and order.");
        Structured.Answer a = Structured.of(Models.tiny(), askJson, TICKET).tries(2)
                .ask("Hi, I was charged twice for order 48213. ASAP please! - Maria Smith");
        assertFalse(a.valid(), a.toString());
        assertEquals(2, a.tries());
    }
}
