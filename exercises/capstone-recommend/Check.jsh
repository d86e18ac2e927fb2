// check: the lesson's numbers: fine-tuning is far better, no tailoring needed
assertEquals("fine-tune", recommend(0.0, 0.6125, 4077, 20_000, 160, false),
        "prompt 0.0, fine-tuned 0.6125, break-even 4,077, 20,000 a month, 160 examples, no tailoring");

// check: the same, when each answer must be tailored to the customer
assertEquals("hybrid", recommend(0.0, 0.6125, 4077, 20_000, 160, true),
        "prompt 0.0, fine-tuned 0.6125, 160 examples, answers tailored per customer");

// check: a prompt that already works, at low volume: keep prompting
assertEquals("prompt", recommend(0.95, 0.96, 4077, 1_000, 500, false),
        "prompt 0.95 vs fine-tuned 0.96 (not 0.05 better), 1,000 a month below a break-even of 4,077");

// check: too few examples: prompt, however good the fine-tune looked
assertEquals("prompt", recommend(0.2, 0.7, 4077, 50_000, 60, false),
        "only 60 examples: a fine-tune on so little data is not to be trusted");

// hidden check: volume above break-even is a reason on its own, but only if quality holds
assertEquals("fine-tune", recommend(0.9, 0.9, 4077, 50_000, 300, false),
        "equal accuracy 0.9, 50,000 a month above a break-even of 4,077: cheaper, so fine-tune");
assertEquals("prompt", recommend(0.9, 0.88, 4077, 50_000, 300, false),
        "cheaper but less accurate (0.88 < 0.9): keep the prompt");
assertEquals("hybrid", recommend(0.9, 0.9, 4077, 50_000, 300, true),
        "cheaper at equal accuracy, answers tailored: hybrid");

// hidden check: the edges: exactly at break-even is not above it; exactly 100 examples is enough
assertEquals("prompt", recommend(0.9, 0.9, 4000, 4_000, 300, false),
        "4,000 a month at a break-even of exactly 4,000 is not above it");
assertEquals("fine-tune", recommend(0.5, 0.75, 4077, 100, 100, false),
        "100 examples is enough, and 0.75 is well above 0.5");
assertEquals("prompt", recommend(0.5, 0.75, 4077, 100, 99, true),
        "99 examples is too few, even when tailoring");
