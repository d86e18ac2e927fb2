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
