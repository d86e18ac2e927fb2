double accuracy(Model model, Prompt prompt, Dataset data) {
    if (data.size() == 0) {
        return 0.0;
    }
    int right = 0;
    for (Example e : data) {
        if (model.complete(prompt.input(e.input())).answer().equals(e.label())) {
            right++;
        }
    }
    return (double) right / data.size();
}
