// check: Tiny's best wording for routing 10 tickets
Dataset tickets = Datasets.task("department", 10, 8);
assertEquals("Classify the ticket by department.",
        bestWording(Models.tiny(), List.of("Sort this ticket.", "Department?", "Classify the ticket by department."), tickets),
        "bestWording(tiny, [\"Sort this ticket.\", \"Department?\", \"Classify the ticket by department.\"], 10 tickets)");

// check: the first of two equally good wordings wins
assertEquals("Classify the ticket by department.",
        bestWording(Models.tiny(), List.of("Classify the ticket by department.", "Which department should handle this ticket?"), tickets),
        "two wordings that both route every ticket: the first should win");

// hidden check: not fooled by the order
assertEquals("Is the message spam or ham?",
        bestWording(Models.tiny(), List.of("Is it bad?", "Is the message spam or ham?"), Datasets.task("spam", 10, 2)),
        "bestWording(tiny, [\"Is it bad?\", \"Is the message spam or ham?\"], 10 messages)");

// check: the chosen wording's accuracy on held-out tickets
List<String> twoUnseen = List.of("Which support queue does this message belong in?", "Where should this ticket go?");
assertEquals(0.525, heldOutAccuracy(Models.tiny(), twoUnseen, Datasets.task("department", 10, 9), Datasets.task("department", 40, 10)), 1e-9,
        "chosen on Datasets.task(\"department\", 10, 9), where it scores 0.90, and measured on Datasets.task(\"department\", 40, 10)");

// hidden check: chooses on pick and measures on test
assertEquals(0.90, heldOutAccuracy(Models.tiny(), List.of("What kind of problem is this?", "Which team should get this?"),
        Datasets.task("department", 10, 1), Datasets.task("department", 40, 10)), 1e-9,
        "two other wordings, chosen on 10 tickets and measured on 40 others");
