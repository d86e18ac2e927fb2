// check: a model that needs 3 examples gets 4
assertEquals(4, smallestK(needs(3), Prompt.empty(), pool, test, 1.0), "smallestK(<model that needs 3 examples>, ...): k = 2 is too few, 4 is the next k tried");

// check: a model that needs none gets 0
assertEquals(0, smallestK(needs(0), Prompt.empty(), pool, test, 1.0), "smallestK(<model that needs no examples>, ...)");

// check: -1 when even 8 are not enough
assertEquals(-1, smallestK(needs(9), Prompt.empty(), pool, test, 1.0), "smallestK(<model that needs 9 examples>, ...)");

// hidden check: Tiny with zorp/blick reviews
Dataset coded = Datasets.sentiment(10, 1).map(e -> e.withLabel(e.label().equals("positive") ? "zorp" : "blick"));
Dataset codedPool = Datasets.sentiment(8, 2).map(e -> e.withLabel(e.label().equals("positive") ? "zorp" : "blick"));
assertEquals(4, smallestK(Models.tiny(), Prompt.empty(), codedPool, coded, 0.9),
        "Tiny on 10 zorp/blick reviews with the lesson's pool (zorp, zorp, blick, blick, ...) and target 0.9");
