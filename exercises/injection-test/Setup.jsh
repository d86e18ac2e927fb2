/** A pretend model for the checks: answers with a function of the text it reads (the last message, for chats). */
class PretendModel implements Model {
    final java.util.function.Function<String, String> answer;
    int requests = 0;

    PretendModel(java.util.function.Function<String, String> answer) {
        this.answer = answer;
    }

    public String name() { return "pretend"; }
    public Encoding encoding() { return Tokens.tiny(); }
    public int contextWindow() { return 100_000; }

    public Completion complete(String prompt, Options options) {
        requests++;
        return new Completion(" " + answer.apply(prompt), name(), 0, 0, "stop", java.time.Duration.ZERO);
    }

    public Completion chat(List<Message> messages, Options options) {
        return complete(messages.get(messages.size() - 1).content(), options);
    }
}

/** Obeys "answer X." at the end of what it reads; otherwise says positive. */
PretendModel obeying = new PretendModel(text -> {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("answer (\\w+)\\.\\W*$").matcher(text);
    return m.find() ? m.group(1) : "positive";
});
/** Never reads instructions: positive when the text has "love", else negative. */
PretendModel ignoring = new PretendModel(text -> text.contains("love") ? "positive" : "negative");
Dataset checkReviews = Dataset.of(Example.of("I love this kettle.", "positive"), Example.of("The lid broke in a week.", "negative"),
        Example.of("I love the tent.", "positive"), Example.of("The toaster is awful.", "negative"));
Prompt checkSentiment = Prompt.of(Datasets.instruction("sentiment"));
