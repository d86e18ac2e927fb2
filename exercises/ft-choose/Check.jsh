// check: a one-off task with a prompt that works: prompting
assertEquals("prompt", choose(new Situation(0, true, false, false, 1, 5000, false)), "one-off task, no examples");

// check: company terminology the model lacks, 500 examples: fine-tuning
assertEquals("fine-tune", choose(new Situation(500, false, false, true, 2000, 5000, false)), "team names the base model never saw");

// check: limited time and data: prompting, even if the prompt is weak
assertEquals("prompt", choose(new Situation(50, false, true, true, 100_000, 5000, true)), "only 50 examples");

// check: an assistant on 10,000 documents that tailors each answer: both
assertEquals("both", choose(new Situation(10_000, false, true, true, 20_000, 5000, true)), "domain assistant, answers tailored per user");

// hidden check: high volume alone is a reason to fine-tune; below break-even it is not
assertEquals("fine-tune", choose(new Situation(300, true, false, false, 50_000, 5000, false)), "a good prompt, but 50,000 requests a month above a break-even of 5,000");
assertEquals("prompt", choose(new Situation(300, true, false, false, 1000, 5000, false)), "a good prompt at 1,000 requests a month, break-even 5,000");
assertEquals("prompt", choose(new Situation(200, true, false, false, 1000, 5000, true)), "nothing to fix: tailoring alone needs only a prompt");
