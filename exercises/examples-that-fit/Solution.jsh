int examplesThatFit(Prompt question, List<Prompt.Example> pool, int answerTokens) {
    Model tiny = Models.tiny();
    Prompt prompt = question;
    int fits = 0;
    for (Prompt.Example example : pool) {
        prompt = prompt.example(example.input(), example.output());
        if (prompt.tokens(tiny) + answerTokens > tiny.contextWindow()) {
            break;
        }
        fits++;
    }
    return fits;
}
