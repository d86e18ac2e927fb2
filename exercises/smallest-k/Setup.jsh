// Stand-in models for the checks: each answers right only when its prompt has at least `need` examples.
Model needs(int need) {
    return new Model() {
        public String name() { return "needs-" + need; }
        public Encoding encoding() { return Tokens.tiny(); }
        public int contextWindow() { return 4096; }
        public Completion complete(String prompt, Options options) { throw new UnsupportedOperationException("use complete(Prompt)"); }
        public Completion chat(List<Message> messages, Options options) {
            long examples = messages.stream().filter(m -> m.role() == Role.ASSISTANT).count();
            String input = messages.get(messages.size() - 1).content();
            String answer = examples >= need ? (input.startsWith("good") ? "yes" : "no") : "?";
            return new Completion(" " + answer, name(), 10, 1, "stop", java.time.Duration.ZERO);
        }
    };
}
Dataset pool = Dataset.of(Example.of("good 1", "yes"), Example.of("bad 1", "no"), Example.of("good 2", "yes"),
        Example.of("bad 2", "no"), Example.of("good 3", "yes"), Example.of("bad 3", "no"), Example.of("good 4", "yes"),
        Example.of("bad 4", "no"));
Dataset test = Dataset.of(Example.of("good a", "yes"), Example.of("bad a", "no"), Example.of("good b", "yes"));
