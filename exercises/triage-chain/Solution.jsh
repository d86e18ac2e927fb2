String triageLine(Model model, String ticket) {
    List<String> answers = new ArrayList<>();
    for (String step : List.of("department", "urgency", "order")) {
        answers.add(model.complete(Prompt.of(Datasets.instruction(step)).input(ticket)).answer());
    }
    return String.join(" | ", answers);
}
