String choose(Situation s) {
    if (s.needsKnowledge()) {
        return "retrieval";
    }
    if (s.goodExamples() < 100) {
        return "prompt";
    }
    boolean reason = !s.promptGoodEnough() || s.styleHardToDescribe() || s.requestsPerMonth() > s.breakEven();
    if (!reason) {
        return "prompt";
    }
    return s.tailorEachAnswer() ? "both" : "fine-tune";
}
