// check: a simple case worked by hand
// few-shot: 1000 tokens x $1/M = $0.001 a request; tuned: 100 x $2/M = $0.0002; training 100,000 x 1 x $8/M = $0.80
double v1 = breakEven(new Price("a", 1, 0, 0), 1000, new Price("ft:a", 2, 0, 8), 100, 0, 100_000, 1);
assertEquals(1000.0, v1, 1e-6, "$0.80 of training / $0.0008 saved a request");

// check: answer tokens and epochs count
double v2 = breakEven(new Price("a", 1, 4, 0), 1000, new Price("ft:a", 2, 8, 8), 100, 10, 100_000, 3);
assertEquals(2400.0 / 0.76, v2, 1e-6, "with 10 answer tokens and 3 epochs");

// check: a fine-tune that is dearer per request never pays off
assertEquals(Double.POSITIVE_INFINITY, breakEven(new Price("a", 1, 1, 0), 100, new Price("ft:a", 4, 4, 3), 50, 2, 10_000, 3),
        "tuned requests cost more than few-shot ones");

// hidden check: agrees with BreakEven on the default prices
Prices p = Prices.defaults();
BreakEven b = BreakEven.fewShot(p.get("gpt-4o-mini"), 261).fineTuned(p.get("ft:gpt-4o-mini"), 21).answerTokens(2).training(40_000, 3);
assertEquals(b.requestsPerMonth(), breakEven(p.get("gpt-4o-mini"), 261, p.get("ft:gpt-4o-mini"), 21, 2, 40_000, 3),
        b.requestsPerMonth() * 1e-9, "gpt-4o-mini, 261 vs 21 prompt tokens, 2 answer tokens, 40,000 tokens x 3 epochs");
