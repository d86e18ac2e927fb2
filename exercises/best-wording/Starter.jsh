String bestWording(Model model, List<String> wordings, Dataset data) {
    return wordings.get(0);
}

double heldOutAccuracy(Model model, List<String> wordings, Dataset pick, Dataset test) {
    return 0; // choose on pick, measure on test
}
