// check: a one-off task with a prompt that works: prompting
assertEquals("prompt", choose(new Situation(0, true, false, false, 1, 5000, false)), "one-off task, no examples, the prompt works");

// check: routing to the company's own teams, which no prompt teaches, 500 examples: fine-tuning
assertEquals("fine-tune", choose(new Situation(500, false, false, false, 2000, 5000, false)),
        "a fixed set of labels the base model never learned (a behaviour), the prompt falls short, 500 examples");

// check: limited data: prompting, even if the prompt is weak
assertEquals("prompt", choose(new Situation(50, false, true, false, 100_000, 5000, true)), "only 50 examples");

// check: an internal assistant that answers from 10,000 documents: retrieval
assertEquals("retrieval", choose(new Situation(10_000, false, true, true, 20_000, 5000, true)),
        "the answers depend on the documents: put the relevant ones in the prompt at request time; training on them is not the way to teach facts");

// check: replies in the house style, tailored to each customer: both
assertEquals("both", choose(new Situation(2000, false, true, false, 20_000, 5000, true)),
        "a house style that is hard to describe but shown in 2,000 examples, each reply tailored to its customer");

// hidden check: high volume alone is a reason to fine-tune; below break-even it is not
assertEquals("fine-tune", choose(new Situation(300, true, false, false, 50_000, 5000, false)), "a good prompt, but 50,000 requests a month above a break-even of 5,000");
assertEquals("prompt", choose(new Situation(300, true, false, false, 5000, 5000, false)), "a good prompt at exactly the break-even volume of 5,000");
assertEquals("prompt", choose(new Situation(200, true, false, false, 1000, 5000, true)), "nothing to fix: tailoring alone needs only a prompt");

// hidden check: knowledge comes before data, and exactly 100 examples is enough
assertEquals("retrieval", choose(new Situation(0, false, false, true, 100, 5000, false)), "prices that change weekly, no examples at all");
assertEquals("fine-tune", choose(new Situation(100, false, false, false, 100, 5000, false)), "exactly 100 examples, the prompt falls short");
assertEquals("prompt", choose(new Situation(99, false, false, false, 100, 5000, false)), "99 examples is too few");
