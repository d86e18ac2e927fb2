// check: counts the words of a simple sentence
assertEquals(3, wordCount("one two three"), "wordCount(\"one two three\")");

// check: ignores spaces at both ends and repeated spaces
assertEquals(2, wordCount("  hello    world "), "wordCount(\"  hello    world \")");

// check: blank text has no words
assertEquals(0, wordCount(""), "wordCount(\"\")");
assertEquals(0, wordCount("   "), "wordCount(\"   \")");

// hidden check: tabs and newlines separate words too
assertEquals(4, wordCount("a\tb\nc  d"), "words separated by tabs and newlines");
