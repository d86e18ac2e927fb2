double accuracy(Model model, Prompt prompt, Dataset data) {
    int right = 0;
    // ask the model about each example and count the right answers
    return right;
}
