// check: a short review question on Tiny leaves 228 tokens
Prompt question = Prompt.of("Is this review positive or negative?").input("The tent arrived damaged.");
assertEquals(228, tokensLeft(Models.tiny(), question, 5),
        "tokensLeft(Models.tiny(), <23-token prompt>, 5): 256 - 23 - 5");

// check: more room for the answer leaves less
assertEquals(128, tokensLeft(Models.tiny(), question, 105),
        "tokensLeft(Models.tiny(), <23-token prompt>, 105): the answer's tokens count too");

// check: a prompt over the window gives a negative number
Prompt crowded = question;
for (int i = 0; i < 12; i++) {
    crowded = crowded.example("The kettle is great value. Would buy again.", "positive");
}
int over = tokensLeft(Models.tiny(), crowded, 5);
assertTrue(over < 0, "a 287-token prompt does not fit in 256 tokens: the result should be negative, was " + over);
assertEquals(-36, over, "256 - 287 - 5");

// hidden check: counts in the model's own tokenizer and window
Model gpt = new Model() {
    public String name() { return "fake-gpt"; }
    public Encoding encoding() { return Tokens.cl100k(); }
    public int contextWindow() { return 100; }
    public Completion complete(String prompt, Options options) { throw new UnsupportedOperationException("no need to call the model"); }
    public Completion chat(List<Message> messages, Options options) { throw new UnsupportedOperationException("no need to call the model"); }
};
assertEquals(100 - question.count(Tokens.cl100k()) - 10, tokensLeft(gpt, question, 10),
        "a model with a 100-token window and the cl100k tokenizer: use model.contextWindow() and count with the model's tokenizer");
