int wordCount(String text) {
    return 0; // your code here
}
