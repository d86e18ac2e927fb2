// check: adds perTask examples of every task
Dataset t = Datasets.supportTickets(20, 1);
Dataset m = mix(t, List.of("sentiment", "spam"), 5, 3);
assertEquals(30, m.size(), "20 tickets + 5 sentiment + 5 spam examples");

// check: keeps every ticket
Dataset m2 = mix(Datasets.supportTickets(20, 1), List.of("sentiment", "spam"), 5, 3);
assertTrue(new HashSet<>(m2.examples()).containsAll(Datasets.supportTickets(20, 1).examples()), "all 20 tickets should be in the mix");

// check: general examples carry their task's instruction
Dataset m3 = mix(Dataset.of(List.of()), List.of("spam", "urgency"), 4, 3);
List<String> systems = m3.stream().map(e -> e.messages().get(0)).map(msg -> msg.role() == Role.SYSTEM ? msg.content() : "(no system message)").sorted().toList();
assertEquals(List.of(Datasets.instruction("spam"), Datasets.instruction("spam"), Datasets.instruction("spam"), Datasets.instruction("spam"),
        Datasets.instruction("urgency"), Datasets.instruction("urgency"), Datasets.instruction("urgency"), Datasets.instruction("urgency")).stream().sorted().toList(),
        systems, "the system message of each general example");

// check: the mix is shuffled, the same way for the same seed
Dataset a = mix(Datasets.supportTickets(20, 1), List.of("sentiment", "spam"), 5, 3);
assertEquals(a, mix(Datasets.supportTickets(20, 1), List.of("sentiment", "spam"), 5, 3), "two mixes with seed 3");
assertNotEquals(Datasets.supportTickets(20, 1).examples(), a.examples().subList(0, 20), "the tickets should not all come first: shuffle the mix");

// hidden check: the general examples are Datasets.task(task, perTask, seed)
Dataset b = mix(Dataset.of(List.of()), List.of("topic"), 3, 9);
assertEquals(new HashSet<>(Datasets.task("topic", 3, 9).withInstruction(Datasets.instruction("topic")).examples()),
        new HashSet<>(b.examples()), "mix(empty, [topic], 3, 9)");
