String recommend(Spread promptAccuracy, Spread tunedAccuracy, double breakEvenPerMonth,
                 long expectedPerMonth, int examplesAvailable, boolean tailorEachAnswer) {
    if (examplesAvailable < 100) {
        return "prompt";
    }
    boolean better = tunedAccuracy.clearlyAbove(promptAccuracy);
    boolean cheaper = expectedPerMonth > breakEvenPerMonth && !tunedAccuracy.clearlyBelow(promptAccuracy);
    if (!better && !cheaper) {
        return "prompt";
    }
    return tailorEachAnswer ? "hybrid" : "fine-tune";
}
