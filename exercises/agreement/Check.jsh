// check: 6 runs of "a" and 4 of "b" agree 0.6
assertEquals(0.6, agreement(bySeed, Prompt.of("Say a or b."), Options.defaults().temperature(1), 10), 1e-9,
        "agreement(<model that answers \"a\" for seeds 0-5 and \"b\" for 6-9>, ..., 10 runs): did you give each run its seed with options.seed(i)?");

// check: a model that never varies agrees 1.0
assertEquals(1.0, agreement(bySeed, Prompt.of("Say a or b."), Options.defaults(), 4), 1e-9,
        "agreement(<same model>, ..., 4 runs): seeds 0-3 all answer \"a\"");

// check: Tiny at temperature 0 always agrees
Prompt vague = Prompt.of("Is the customer happy?").input("The kettle is noisy and slow.");
assertEquals(1.0, agreement(Models.tiny(), vague, Options.defaults(), 5), 1e-9, "Tiny at temperature 0, 5 runs");

// hidden check: Tiny at temperature 1.5 on a vague prompt
double hot = agreement(Models.tiny(), vague, Options.defaults().temperature(1.5), 10);
assertEquals(0.5, hot, 1e-9, "Tiny at temperature 1.5, 10 runs of \"Is the customer happy?\" (the lesson's table has 6 different answers)");
