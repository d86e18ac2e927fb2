// check: "hello world" is 5.5 characters per cl100k token
assertEquals(5.5, charsPerToken("hello world", Tokens.cl100k()), 1e-9,
        "\"hello world\" is 11 characters and 2 cl100k tokens");

// check: Tiny cuts "Order 48213" much finer than cl100k
double tiny = charsPerToken("Order 48213", Tokens.tiny());
double gpt = charsPerToken("Order 48213", Tokens.cl100k());
assertEquals(11.0 / Tokens.tiny().count("Order 48213"), tiny, 1e-9, "11 characters over Tiny's token count");
assertTrue(gpt > 2 * tiny, "cl100k should get more than twice as many characters per token as Tiny here; got "
        + gpt + " and " + tiny);

// hidden check: an empty text gives 0, not NaN
assertEquals(0.0, charsPerToken("", Tokens.cl100k()), 1e-9, "charsPerToken(\"\", ...) should be 0");
