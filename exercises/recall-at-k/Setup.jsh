KnowledgeBase checkStore = KnowledgeBase.store();
List<Question> checkQuestions = KnowledgeBase.storeQuestions();
