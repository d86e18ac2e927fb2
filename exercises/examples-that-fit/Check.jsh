// check: two short examples both fit
Prompt question = Prompt.of("Is this review positive or negative?").input("The tent arrived damaged.");
List<Prompt.Example> two = List.of(new Prompt.Example("I love this kettle.", "positive"),
        new Prompt.Example("The lid broke in a week.", "negative"));
assertEquals(2, examplesThatFit(question, two, 5), "examplesThatFit(question, <2 short examples>, 5)");

// check: an empty pool gives 0
assertEquals(0, examplesThatFit(question, List.of(), 5), "examplesThatFit(question, List.of(), 5)");

// check: a long pool is cut where the window is full
List<Prompt.Example> many = new ArrayList<>();
for (int i = 0; i < 20; i++) {
    many.add(new Prompt.Example("The kettle is great value. Would buy again.", "positive"));
}
assertEquals(10, examplesThatFit(question, many, 5),
        "20 copies of a 22-token example after a 23-token question, 5 tokens for the answer");

// hidden check: examples of different lengths, counted for real
Prompt ticket = Prompt.of("Route the support ticket to a department: billing, shipping, technical or account.")
        .input("Hi, I was charged twice for order 48213. No rush. - Maria Smith");
List<Prompt.Example> tickets = Datasets.task("department", 12, 3).stream()
        .map(e -> new Prompt.Example(e.input(), e.label())).toList();
int expected = 0;
for (Prompt p = ticket; expected < tickets.size(); expected++) {
    p = p.example(tickets.get(expected).input(), tickets.get(expected).output());
    if (p.tokens(Models.tiny()) + 10 > 256) {
        break;
    }
}
assertEquals(expected, examplesThatFit(ticket, tickets, 10), "12 support tickets of different lengths, 10 tokens for the answer");
assertEquals(0, examplesThatFit(ticket, tickets, 250), "with 250 tokens kept for the answer not even one example fits");
