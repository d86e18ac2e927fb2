String recommend(double promptAccuracy, double tunedAccuracy, double breakEvenPerMonth,
                 long expectedPerMonth, int examplesAvailable, boolean tailorEachAnswer) {
    return "prompt"; // your code here
}
