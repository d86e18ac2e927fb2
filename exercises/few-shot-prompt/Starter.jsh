String fewShot(String instruction, List<String[]> examples, String input) {
    StringBuilder prompt = new StringBuilder(instruction + "\n");
    // add the examples, then the input
    return prompt.toString();
}
