int examplesThatFit(Prompt question, List<Prompt.Example> pool, int answerTokens) {
    Model tiny = Models.tiny();
    int fits = 0;
    // add the pool's examples to the question one at a time, and count
    return fits;
}
