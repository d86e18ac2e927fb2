double charsPerToken(String text, Encoding encoding) {
    return text.length(); // characters... per what?
}
