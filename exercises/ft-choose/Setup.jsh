record Situation(int goodExamples, boolean promptGoodEnough, boolean styleHardToDescribe,
                 boolean domainWeak, double requestsPerMonth, double breakEven, boolean tailorEachAnswer) {}
