String fewShot(String instruction, List<String[]> examples, String input) {
    StringBuilder prompt = new StringBuilder(instruction + "\n");
    for (String[] example : examples) {
        prompt.append("Ticket: ").append(example[0]).append("\n");
        prompt.append("Answer: ").append(example[1]).append("\n");
    }
    prompt.append("Ticket: ").append(input).append("\n");
    prompt.append("Answer:");
    return prompt.toString();
}
