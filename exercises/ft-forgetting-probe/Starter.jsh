Map<String, Double> skills(Model model, List<String> tasks, int n) {
    Map<String, Double> scores = new LinkedHashMap<>();
    // your code here: one accuracy per task
    return scores;
}

List<String> forgotten(Map<String, Double> before, Map<String, Double> after, double tolerance) {
    return List.of(); // your code here
}
