String triageLine(Model model, String ticket) {
    Prompt oneStep = Prompt.of(Datasets.instruction("triage")); // one prompt for the whole line: Tiny never saw it
    return model.complete(oneStep.input(ticket)).answer();
}
