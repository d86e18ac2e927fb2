record Situation(int goodExamples, boolean promptGoodEnough, boolean styleHardToDescribe,
                 boolean needsKnowledge, double requestsPerMonth, double breakEven, boolean tailorEachAnswer) {}
