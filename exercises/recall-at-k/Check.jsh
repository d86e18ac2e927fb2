// check: BM25 at 1 and 3 on the store's 40 questions
Search checkBm25 = Search.bm25(checkStore);
assertEquals(checkBm25.recall(checkQuestions, 1), recallAt(checkBm25, checkQuestions, 1), 1e-9, "recallAt(bm25, questions, 1)");
assertEquals(checkBm25.recall(checkQuestions, 3), recallAt(checkBm25, checkQuestions, 3), 1e-9, "recallAt(bm25, questions, 3)");

// check: semantic search at 5
Search checkSemantic = Search.semantic(checkStore);
assertEquals(checkSemantic.recall(checkQuestions, 5), recallAt(checkSemantic, checkQuestions, 5), 1e-9,
        "recallAt(semantic, questions, 5)");

// hidden check: a question no passage shares a word with counts as not found
KnowledgeBase checkSmall = KnowledgeBase.empty().put("hours", "Open from nine to five.").put("pets", "Dogs are welcome.");
List<Question> checkTwo = List.of(new Question("When are you open?", "hours", null), new Question("xyzzy", "pets", null));
assertEquals(0.5, recallAt(Search.bm25(checkSmall), checkTwo, 2), 1e-9,
        "one of two questions found: BM25 returns nothing for a question that shares no word with any passage");
