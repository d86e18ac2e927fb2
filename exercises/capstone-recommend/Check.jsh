// check: a fine-tune clearly above a prompt that fails, no tailoring: fine-tune
assertEquals("fine-tune", recommend(Spread.of(0.0), Spread.of(0.6125, 0.55, 0.6625), 4077, 20_000, 160, false),
        "prompt 0.0, fine-tuned 0.55 to 0.6625 over three seeds, break-even 4,077, 20,000 a month, 160 examples, no tailoring");

// check: the same, when each answer must be tailored to the customer: hybrid
assertEquals("hybrid", recommend(Spread.of(0.0), Spread.of(0.6125, 0.55, 0.6625), 4077, 20_000, 160, true),
        "prompt 0.0, fine-tuned 0.55 to 0.6625, 160 examples, answers tailored per customer");

// check: better on average but inside the seed noise, at low volume: keep prompting
assertEquals("prompt", recommend(Spread.of(0.75, 0.8, 0.775), Spread.of(0.875, 0.975, 0.7), 4077, 1_000, 500, false),
        "fine-tuned 0.85 on average against the prompt's 0.775, but its seeds range from 0.7 to 0.975 and overlap"
        + " the prompt's 0.75 to 0.8; 1,000 a month is below a break-even of 4,077");

// check: too few examples: prompt, however good the fine-tune looked
assertEquals("prompt", recommend(Spread.of(0.2, 0.25, 0.2), Spread.of(0.7, 0.75, 0.72), 4077, 50_000, 60, false),
        "only 60 examples: fine-tuning is not an option");

// hidden check: volume above break-even is a reason on its own, unless the fine-tune is clearly worse
assertEquals("fine-tune", recommend(Spread.of(0.9, 0.88, 0.92), Spread.of(0.86, 0.93, 0.9), 4077, 50_000, 300, false),
        "ranges overlap (as good within the noise), 50,000 a month above a break-even of 4,077: cheaper, so fine-tune");
assertEquals("prompt", recommend(Spread.of(0.9, 0.91, 0.92), Spread.of(0.8, 0.85, 0.82), 4077, 50_000, 300, false),
        "cheaper, but clearly less accurate (0.8 to 0.85 against 0.9 to 0.92): keep the prompt");
assertEquals("hybrid", recommend(Spread.of(0.9, 0.88, 0.92), Spread.of(0.86, 0.93, 0.9), 4077, 50_000, 300, true),
        "cheaper and as good within the noise, answers tailored: hybrid");

// hidden check: the edges: ranges that touch overlap; exactly at break-even is not above it; exactly 100 examples is enough
assertEquals("prompt", recommend(Spread.of(0.7, 0.8), Spread.of(0.8, 0.9), 4077, 1_000, 300, false),
        "fine-tuned 0.8 to 0.9 against the prompt's 0.7 to 0.8: both reach 0.8, so not clearly better");
assertEquals("prompt", recommend(Spread.of(0.9), Spread.of(0.9, 0.9), 4000, 4_000, 300, false),
        "4,000 a month at a break-even of exactly 4,000 is not above it");
assertEquals("fine-tune", recommend(Spread.of(0.5, 0.55), Spread.of(0.75, 0.8), 4077, 100, 100, false),
        "100 examples is enough, and 0.75 to 0.8 is clearly above 0.5 to 0.55");
assertEquals("prompt", recommend(Spread.of(0.5, 0.55), Spread.of(0.75, 0.8), 4077, 100, 99, true),
        "99 examples is too few, even when tailoring");
