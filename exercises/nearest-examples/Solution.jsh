Dataset nearestExamples(Dataset pool, String input, int k) {
    List<Passage> inputs = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
        inputs.add(new Passage(Integer.toString(i), "example", pool.get(i).input()));
    }
    List<Example> chosen = new ArrayList<>();
    for (Hit hit : Search.bm25(KnowledgeBase.of(inputs)).top(input, k)) {
        chosen.add(pool.get(Integer.parseInt(hit.id())));
    }
    Collections.reverse(chosen);
    return Dataset.of(chosen);
}
