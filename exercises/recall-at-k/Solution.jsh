double recallAt(Search search, List<Question> questions, int k) {
    long found = questions.stream()
            .filter(q -> search.top(q.text(), k).stream().anyMatch(h -> h.id().equals(q.passageId())))
            .count();
    return found / (double) questions.size();
}
