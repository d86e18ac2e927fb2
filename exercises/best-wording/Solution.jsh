String bestWording(Model model, List<String> wordings, Dataset data) {
    String best = null;
    double bestAccuracy = -1;
    for (String wording : wordings) {
        Prompt prompt = Prompt.of(wording);
        int right = 0;
        for (Example e : data) {
            if (model.complete(prompt.input(e.input())).answer().equals(e.label())) {
                right++;
            }
        }
        double accuracy = (double) right / data.size();
        if (accuracy > bestAccuracy) {
            best = wording;
            bestAccuracy = accuracy;
        }
    }
    return best;
}
