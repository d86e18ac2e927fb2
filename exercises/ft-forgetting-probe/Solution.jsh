double skill(Model model, String task, int n) {
    Prompt prompt = Prompt.of(Datasets.instruction(task));
    return Evaluation.of(model, prompt).quiet().run(Datasets.task(task, n, 11)).accuracy();
}
