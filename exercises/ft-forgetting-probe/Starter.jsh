double skill(Model model, String task, int n) {
    return Evaluation.of(model, Prompt.empty()).quiet().run(Datasets.task(task, n, 11)).accuracy();
}
