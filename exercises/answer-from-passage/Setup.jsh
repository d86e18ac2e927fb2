KnowledgeBase checkStore = KnowledgeBase.store();
Search checkSearch = Search.bm25(checkStore);
Model checkTiny = Models.tiny();
List<Question> checkOrders = KnowledgeBase.storeQuestions("order");
