/** A pretend model for the checks: answers each step with its own word, chosen by the instruction it reads. */
class StepModel implements Model {
    final Map<String, String> words;
    final List<String> steps = new ArrayList<>();
    String ticket = "";

    StepModel(String department, String urgency, String order) {
        words = Map.of("department", department, "urgency", urgency, "order", order);
    }

    public String name() { return "steps"; }
    public Encoding encoding() { return Tokens.tiny(); }
    public int contextWindow() { return 100_000; }

    public Completion complete(String prompt, Options options) {
        String instruction = ticket.isEmpty() ? prompt : prompt.replace(ticket, "");
        String step = instruction.contains(Datasets.instruction("department")) ? "department"
                : instruction.contains(Datasets.instruction("urgency")) ? "urgency"
                : instruction.contains(Datasets.instruction("order")) ? "order" : "unknown";
        steps.add(step);
        return new Completion(" " + words.getOrDefault(step, "???"), name(), 0, 0, "stop", java.time.Duration.ZERO);
    }

    public Completion chat(List<Message> messages, Options options) {
        return complete(messages.stream().map(Message::content).collect(java.util.stream.Collectors.joining("\n")), options);
    }
}
