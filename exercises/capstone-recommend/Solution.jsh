String recommend(double promptAccuracy, double tunedAccuracy, double breakEvenPerMonth,
                 long expectedPerMonth, int examplesAvailable, boolean tailorEachAnswer) {
    if (examplesAvailable < 100) {
        return "prompt";
    }
    boolean better = tunedAccuracy - promptAccuracy >= 0.05;
    boolean cheaper = expectedPerMonth > breakEvenPerMonth && tunedAccuracy >= promptAccuracy;
    if (!better && !cheaper) {
        return "prompt";
    }
    return tailorEachAnswer ? "hybrid" : "fine-tune";
}
