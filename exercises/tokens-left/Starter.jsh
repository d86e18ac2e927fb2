int tokensLeft(Model model, Prompt prompt, int answerTokens) {
    int window = 256;
    return 0; // your code here
}
