double accuracy(Model model, String wording, Dataset data) {
    Prompt prompt = Prompt.of(wording);
    int right = 0;
    for (Example e : data) {
        if (model.complete(prompt.input(e.input())).answer().equals(e.label())) {
            right++;
        }
    }
    return (double) right / data.size();
}

String bestWording(Model model, List<String> wordings, Dataset data) {
    String best = null;
    double bestAccuracy = -1;
    for (String wording : wordings) {
        double accuracy = accuracy(model, wording, data);
        if (accuracy > bestAccuracy) {
            best = wording;
            bestAccuracy = accuracy;
        }
    }
    return best;
}

double heldOutAccuracy(Model model, List<String> wordings, Dataset pick, Dataset test) {
    return accuracy(model, bestWording(model, wordings, pick), test);
}
