double agreement(Model model, Prompt prompt, Options options, int runs) {
    Map<String, Integer> counts = new HashMap<>();
    for (int seed = 0; seed < runs; seed++) {
        String answer = model.complete(prompt, options.seed(seed)).answer();
        counts.merge(answer, 1, Integer::sum);
    }
    return (double) Collections.max(counts.values()) / runs;
}
