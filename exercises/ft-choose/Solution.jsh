String choose(Situation s) {
    if (s.goodExamples() < 200) {
        return "prompt";
    }
    boolean reason = !s.promptGoodEnough() || s.styleHardToDescribe() || s.domainWeak()
            || s.requestsPerMonth() > s.breakEven();
    if (!reason) {
        return "prompt";
    }
    return s.tailorEachAnswer() ? "both" : "fine-tune";
}
