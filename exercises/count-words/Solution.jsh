int wordCount(String text) {
    if (text.isBlank()) {
        return 0;
    }
    return text.strip().split("\\s+").length;
}
