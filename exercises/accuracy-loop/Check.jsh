// check: a model that always says "positive" is right on 3 of 4 examples
List<String> asked = new ArrayList<>();
Model yes = new Model() {
    public String name() { return "always-positive"; }
    public Encoding encoding() { return Tokens.tiny(); }
    public int contextWindow() { return 256; }
    public Completion complete(String prompt, Options options) { return chat(List.of(Message.user(prompt)), options); }
    public Completion chat(List<Message> messages, Options options) {
        asked.add(messages.get(messages.size() - 1).content());
        return new Completion(" positive", name(), 10, 1, "stop", java.time.Duration.ZERO);
    }
};
Dataset four = Dataset.of(Example.of("I love it.", "positive"), Example.of("Great kettle.", "positive"),
        Example.of("It broke.", "negative"), Example.of("Works well.", "positive"));
assertEquals(0.75, accuracy(yes, Prompt.of("Is this review positive or negative?"), four), 1e-9,
        "accuracy of a model that answers \" positive\" to 3 positive and 1 negative review (compare answer(), not text())");

// check: asks about every example's input
asked.clear();
accuracy(yes, Prompt.of("Is this review positive or negative?"), four);
assertEquals(List.of("I love it.", "Great kettle.", "It broke.", "Works well."), asked,
        "the inputs the model was asked about, in order: use prompt.input(e.input()) for each example");

// check: an empty dataset has accuracy 0
assertEquals(0.0, accuracy(yes, Prompt.of("Is this review positive or negative?"), Dataset.of(List.of())), 1e-9,
        "accuracy on an empty dataset");

// check: Tiny with an instruction it knows routes 20 tickets
Prompt classify = Prompt.of("Classify the ticket by department.");
Dataset twenty = Datasets.task("department", 20, 4);
int routed = 0;
for (Example e : twenty) {
    if (Models.tiny().complete(classify.input(e.input())).answer().equals(e.label())) {
        routed++;
    }
}
double tiny = accuracy(Models.tiny(), classify, twenty);
assertEquals(routed / 20.0, tiny, 1e-9, "Tiny's accuracy on 20 tickets with \"Classify the ticket by department.\" (it routes " + routed + " of them right)");

// hidden check: the prompt matters
double none = accuracy(Models.tiny(), Prompt.empty(), Datasets.task("department", 20, 4));
assertTrue(none < 0.3, "Tiny without an instruction should be mostly wrong, but your accuracy gave " + none
        + ": are you using the prompt you were given?");
