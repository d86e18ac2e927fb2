/** A pretend model for the checks: answers from a script, one line per request, and records each request's options. */
class ScriptedModel implements Model {
    final List<String> script;
    final List<Options> asked = new ArrayList<>();
    final List<String> read = new ArrayList<>();

    ScriptedModel(String... answers) {
        script = List.of(answers);
    }

    public String name() { return "scripted"; }
    public Encoding encoding() { return Tokens.tiny(); }
    public int contextWindow() { return 100_000; }

    public Completion complete(String prompt, Options options) {
        read.add(prompt);
        asked.add(options);
        String answer = asked.size() <= script.size() ? script.get(asked.size() - 1) : "(no more answers in the script)";
        return new Completion(" " + answer, name(), 0, 0, "stop", java.time.Duration.ZERO);
    }

    public Completion chat(List<Message> messages, Options options) {
        return complete(messages.stream().map(Message::content).collect(java.util.stream.Collectors.joining("\n")), options);
    }
}

String checkValid = "{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": \"48213\"}";
Prompt checkPrompt = Prompt.of("Write the ticket as JSON with the keys department, urgency and order.");
String checkTicket = "Hi, I was charged twice for order 48213. ASAP please! - Maria Smith";
