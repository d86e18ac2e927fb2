double recallAt(Search search, List<Question> questions, int k) {
    // the share of questions whose passage is among search.top(question, k)
    return 0;
}
