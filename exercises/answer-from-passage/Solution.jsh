String orderNumber(Search search, Model model, String question) {
    List<Hit> hits = search.top(question, 1);
    if (hits.isEmpty()) {
        return "unknown";
    }
    return model.complete(Prompt.of(Datasets.instruction("order")).input(hits.get(0).text())).answer();
}
