double breakEven(Price base, double fewShotTokens, Price tuned, double tunedTokens,
                 double answerTokens, long trainingTokens, int epochs) {
    double training = trainingTokens * tuned.trainingPerMillion() / 1e6;
    return training / (fewShotTokens - tunedTokens);
}
