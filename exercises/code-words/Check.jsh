// check: at most 60 tokens
int tokens = codeWords.tokens(Models.tiny());
assertTrue(tokens <= 60, "codeWords is " + tokens + " Tiny tokens; make it at most 60");

// check: has an example of each code word
assertTrue(codeWords.examples().stream().anyMatch(e -> e.output().equals("zorp"))
        && codeWords.examples().stream().anyMatch(e -> e.output().equals("blick")),
        "codeWords needs at least one example answered zorp and one answered blick");

// check: at least 18 of 20 reviews right
int right = 0;
for (Example e : Datasets.sentiment(20, 31)) {
    String expected = e.label().equals("positive") ? "zorp" : "blick";
    if (Models.tiny().complete(codeWords.input(e.input())).answer().equals(expected)) {
        right++;
    }
}
assertTrue(right >= 18, "Tiny answered " + right + " of 20 reviews right with codeWords; it needs 18."
        + " Do your examples look like real reviews?");
