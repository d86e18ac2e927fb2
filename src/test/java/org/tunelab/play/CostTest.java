package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Round numbers for checking by hand: USD per 1M tokens in, out, training. */
    private static final Prices PRICES = Prices.empty().with("base", 1, 2, Double.NaN).with("ft:base", 2, 4, 8);

    /**
     * A: 1,000 prompt + 10 answer tokens on base = (1000 x 1 + 10 x 2) / 1M = $0.00102 a request.
     * B: 100 prompt + 10 answer tokens on ft:base = (100 x 2 + 10 x 4) / 1M = $0.00024 a request.
     * Training: 1,000 tokens x 3 epochs x $8 / 1M = $0.024.
     * Crossing: 0.024 / (0.00102 - 0.00024) = 0.024 / 0.00078 = 30.769... requests a month.
     */
    private static final BreakEven HAND = BreakEven.fewShot(PRICES.get("base"), 1000)
            .fineTuned(PRICES.get("ft:base"), 100).answerTokens(10).training(1000, 3);

    @Test
    void breakEvenArithmeticCheckedByHand() {
        assertEquals(0.00102, HAND.fewShotPerRequest(), 1e-15);
        assertEquals(0.00024, HAND.fineTunedPerRequest(), 1e-15);
        assertEquals(0.024, HAND.trainingCost().usd(), 1e-15);
        assertEquals(3000, HAND.trainingCost().trainingTokens());
        assertEquals(0.024 / 0.00078, HAND.requestsPerMonth(), 1e-9);
        assertEquals(30.76923076923077, HAND.requestsPerMonth(), 1e-9);
        // at 30 requests few-shot is still cheaper, at 31 fine-tuning is
        assertTrue(HAND.fewShotMonthly(30) < HAND.fineTunedMonthly(30));   // 0.0306 < 0.0312
        assertTrue(HAND.fewShotMonthly(31) > HAND.fineTunedMonthly(31));   // 0.03162 > 0.03144
        assertTrue(HAND.toString().startsWith("Fine-tuning pays off above 30 requests a month."), HAND.toString());
        assertTrue(HAND.toString().contains("$0.024 (1,000 tokens x 3 epochs), counted in one month"), HAND.toString());

        // spread over 12 months: 0.002 / 0.00078 = 2.56
        assertEquals(0.002 / 0.00078, HAND.months(12).requestsPerMonth(), 1e-9);
        // 1,000,000 tokens x 3 x $8 / 1M = $24: 24 / 0.00078 = 30,769.2
        assertTrue(HAND.training(1_000_000, 3).toString().startsWith("Fine-tuning pays off above 30,769 requests a month."));
    }

    @Test
    void fineTuningThatCostsMoreARequestNeverPaysOff() {
        BreakEven never = BreakEven.fewShot(PRICES.get("base"), 100).fineTuned(PRICES.get("ft:base"), 100).training(1000, 1);
        assertFalse(never.paysOff());
        assertEquals(Double.POSITIVE_INFINITY, never.requestsPerMonth());
        assertTrue(never.toString().startsWith("Fine-tuning never pays off"), never.toString());
        assertEquals(11, never.chart().xValues().size());
        Exception e = assertThrows(IllegalStateException.class, () -> BreakEven.fewShot(PRICES.get("base"), 100).requestsPerMonth());
        assertTrue(e.getMessage().contains(".fineTuned("), e.getMessage());
    }

    @Test
    void theBreakEvenChartIsALineChartSpec() throws Exception {
        JsonNode spec = JSON.readTree(HAND.toDisplay());
        assertEquals("chart", spec.get("kind").asText());
        assertEquals("line", spec.get("chart").asText());
        assertEquals("requests a month", spec.get("x").get("label").asText());
        assertEquals("USD a month", spec.get("y").get("label").asText());
        // the crossing at 30.8 is inside 0..100 in steps of 10
        assertEquals("[0.0,10.0,20.0,30.0,40.0,50.0,60.0,70.0,80.0,90.0,100.0]", spec.get("x").get("values").toString());
        JsonNode series = spec.get("series");
        assertEquals("few-shot (base)", series.get(0).get("name").asText());
        assertEquals("fine-tuned (ft:base)", series.get(1).get("name").asText());
        assertEquals(0.102, series.get(0).get("values").get(10).asDouble(), 1e-12);   // 100 x 0.00102
        assertEquals(0.048, series.get(1).get("values").get(10).asDouble(), 1e-12);   // 0.024 + 100 x 0.00024
        assertEquals(0.024, series.get(1).get("values").get(0).asDouble(), 1e-12);
        assertEquals(10, BreakEven.niceStep(6.15));
        assertEquals(2000, BreakEven.niceStep(1500));
    }

    @Test
    void tokenCountsCanComeFromEvaluations() {
        EvalResult fewShot = result("4-shot", 260, 262);    // mean 261 prompt tokens, 2 answer tokens
        EvalResult tuned = result("tuned", 20, 22);         // mean 21
        Prices prices = Prices.defaults();
        BreakEven b = BreakEven.fewShot(prices.get("gpt-4o-mini"), fewShot).fineTuned(prices.get("ft:gpt-4o-mini"), tuned)
                .training(40_000, 3);
        assertEquals((261 * 0.15 + 2 * 0.60) / 1e6, b.fewShotPerRequest(), 1e-15);
        assertEquals((21 * 0.30 + 2 * 1.20) / 1e6, b.fineTunedPerRequest(), 1e-15);
        assertEquals(0.36, b.trainingCost().usd(), 1e-12);      // 120,000 tokens x $3 / 1M
        assertEquals(0.36 / ((40.35 - 8.7) / 1e6), b.requestsPerMonth(), 1e-6);
    }

    @Test
    void requestAndTrainingCosts() {
        Price mini = Prices.defaults().get("gpt-4o-mini");
        Cost one = mini.request(300, 10);                      // 300 x 0.15 + 10 x 0.60 = 51 per 1M
        assertEquals(0.000051, one.usd(), 1e-15);
        assertEquals("$0.000051 (300 input + 10 output tokens, gpt-4o-mini)", one.toString());
        assertEquals(0.051, one.times(1000).usd(), 1e-12);
        assertEquals(300_000, one.times(1000).inputTokens());
        Cost training = Prices.defaults().get("ft:gpt-4o-mini").training(40_000, 3);
        assertEquals("$0.36 (120,000 training tokens, ft:gpt-4o-mini)", training.toString());
        assertEquals("gpt-4o-mini + ft:gpt-4o-mini", one.plus(training).model());
        assertEquals("$1,234.50", Cost.dollars(1234.5));
        assertThrows(IllegalStateException.class, () -> PRICES.get("base").training(1000, 1));

        Completion c = Models.tiny().complete(Prompt.of("Is this review positive or negative?").input("I love it."));
        Cost cost = Prices.defaults().request(c);                 // priced as "tiny"
        assertEquals(c.promptTokens(), cost.inputTokens());
        assertEquals((c.promptTokens() * 0.15 + c.completionTokens() * 0.60) / 1e6, cost.usd(), 1e-15);
    }

    @Test
    void pricesAreIllustrativeEditableAndFoundByPrefix() throws Exception {
        Prices defaults = Prices.defaults();
        assertTrue(defaults.toString().contains("illustrative"));
        assertTrue(defaults.toString().contains("https://openai.com/api/pricing"));
        assertTrue(defaults.toString().contains(Prices.DEFAULTS_DATE));
        assertEquals("gpt-4o-mini", defaults.get("gpt-4o-mini-2024-07-18").model());
        assertEquals("ft:gpt-4o-mini", defaults.get("ft:gpt-4o-mini-2024-07-18:org::abc").model());
        assertEquals("gpt-4o", defaults.get("gpt-4o-2024-08-06").model());
        Exception e = assertThrows(IllegalArgumentException.class, () -> defaults.get("claude"));
        assertTrue(e.getMessage().contains("prices.with(\"claude\""), e.getMessage());

        Prices mine = defaults.with("my-model", 0.5, 1.5, 4);
        assertEquals(new Price("my-model", 0.5, 1.5, 4), mine.get("my-model"));
        assertThrows(IllegalArgumentException.class, () -> defaults.get("my-model"), "with() returns a copy");
        assertTrue(mine.source().contains("edited in a cell"));
        assertEquals(2.0, defaults.with("gpt-4o-mini", 2, 3, 4).get("gpt-4o-mini").inputPerMillion());
        assertThrows(IllegalArgumentException.class, () -> defaults.with("x", -1, 1, 1));

        JsonNode spec = JSON.readTree(defaults.toDisplay());
        assertEquals("table", spec.get("kind").asText());
        assertEquals("[\"model\",\"input $/1M\",\"output $/1M\",\"training $/1M\"]", spec.get("columns").toString());
        assertTrue(spec.get("title").asText().contains("illustrative"));
        assertEquals("[\"gpt-4o-mini\",0.15,0.6,3.0]", spec.get("rows").get(2).toString());
    }

    private static EvalResult result(String name, int promptTokensA, int promptTokensB) {
        return new EvalResult(name, "m", List.of("x"), List.of(
                new EvalResult.Case("a", "x", "x", true, promptTokensA, 2, Duration.ofMillis(1)),
                new EvalResult.Case("b", "x", "x", true, promptTokensB, 2, Duration.ofMillis(1))), false);
    }
}
