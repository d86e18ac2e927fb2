String recommend(Spread promptAccuracy, Spread tunedAccuracy, double breakEvenPerMonth,
                 long expectedPerMonth, int examplesAvailable, boolean tailorEachAnswer) {
    return "prompt"; // your code here
}
