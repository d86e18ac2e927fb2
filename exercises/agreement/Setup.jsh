// A stand-in model whose answer depends only on the seed: "a" for seeds below 6, else "b" (" b " with spaces).
Model bySeed = new Model() {
    public String name() { return "by-seed"; }
    public Encoding encoding() { return Tokens.tiny(); }
    public int contextWindow() { return 256; }
    public Completion complete(String prompt, Options options) { return chat(List.of(Message.user(prompt)), options); }
    public Completion chat(List<Message> messages, Options options) {
        String text = options.seed() < 6 ? " a" : " b ";
        return new Completion(text, name(), 5, 1, "stop", java.time.Duration.ZERO);
    }
};
