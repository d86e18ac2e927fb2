String bestWording(Model model, List<String> wordings, Dataset data) {
    return wordings.get(0);
}
