double charsPerToken(String text, Encoding encoding) {
    int tokens = encoding.count(text);
    return tokens == 0 ? 0 : (double) text.length() / tokens;
}
