// check: Dataset.check(jsonl) reports no errors
DataCheck report = Dataset.check(jsonl);
assertTrue(report.ok(), "still errors: " + report.errors());

// check: all five examples are kept
assertEquals(5, Dataset.check(jsonl).valid().size(), "examples that pass the check (repair lines, don't delete them)");

// check: the ticket texts are unchanged
assertEquals(List.of("I was charged twice for order 74096.", "The courier lost my parcel.", "The update broke my order page.",
        "I forgot my password and cannot log in.", "My invoice is wrong for order 39764."),
        Dataset.check(jsonl).valid().stream().map(Example::input).toList(), "the user messages, in order");

// hidden check: every answer is the right team
assertEquals(List.of("Team Ledger", "Team Parcel", "Team Circuit", "Team Keystone", "Team Ledger"),
        Dataset.check(jsonl).valid().labels(), "the assistant answers, in order");
