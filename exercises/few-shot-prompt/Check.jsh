// check: zero examples gives instruction, input and an open answer
assertEquals("Classify.\nTicket: Hi\nAnswer:", fewShot("Classify.", List.of(), "Hi"));

// check: one example comes before the input
assertEquals("Classify.\nTicket: My card was declined.\nAnswer: billing\nTicket: I was charged twice.\nAnswer:",
        fewShot("Classify.", List.<String[]>of(new String[] {"My card was declined.", "billing"}), "I was charged twice."));

// hidden check: examples keep their order
String p = fewShot("I", List.of(new String[] {"a", "x"}, new String[] {"b", "y"}, new String[] {"c", "z"}), "d");
assertTrue(p.indexOf("Answer: x") < p.indexOf("Answer: y") && p.indexOf("Answer: y") < p.indexOf("Answer: z"),
        "the examples should appear in the order given");
assertTrue(p.endsWith("Ticket: d\nAnswer:"), "the prompt should end with the input and 'Answer:'");
