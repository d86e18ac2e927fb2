Map<String, Double> skills(Model model, List<String> tasks, int n) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (String task : tasks) {
        Prompt instructed = Prompt.of(Datasets.instruction(task));
        scores.put(task, Evaluation.of(model, instructed).quiet().run(Datasets.task(task, n, 11)).accuracy());
    }
    return scores;
}

List<String> forgotten(Map<String, Double> before, Map<String, Double> after, double tolerance) {
    List<String> lost = new ArrayList<>();
    for (String task : before.keySet()) {
        if (before.get(task) - after.get(task) > tolerance) {
            lost.add(task);
        }
    }
    return lost;
}
