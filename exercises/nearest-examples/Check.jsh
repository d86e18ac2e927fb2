// check: the same examples as ExampleSelector.bm25, in the same order
String checkInput = checkTickets.get(0).input();
assertEquals(ExampleSelector.bm25(checkPool, 4).select(checkInput).examples(), nearestExamples(checkPool, checkInput, 4).examples(),
        "the 4 nearest examples of the pool for \"" + checkInput + "\", most similar last");

// check: k examples
assertEquals(2, nearestExamples(checkPool, checkInput, 2).size(), "nearestExamples(pool, input, 2)");

// check: nearer examples route better than the first ones
double checkFirst = checkAccuracy(input -> checkPool.head(4));
double checkNearest = checkAccuracy(input -> nearestExamples(checkPool, input, 4));
assertTrue(checkNearest > checkFirst + 0.15, "accuracy with your examples " + checkNearest
        + ", with the pool's first four " + checkFirst);

// hidden check: another input gets other examples
String checkOther = checkTickets.get(1).input();
assertEquals(ExampleSelector.bm25(checkPool, 3).select(checkOther).examples(), nearestExamples(checkPool, checkOther, 3).examples(),
        "the 3 nearest examples for \"" + checkOther + "\"");
