int tokensLeft(Model model, Prompt prompt, int answerTokens) {
    return model.contextWindow() - prompt.tokens(model) - answerTokens;
}
