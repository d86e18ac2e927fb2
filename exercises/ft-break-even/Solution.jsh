double breakEven(Price base, double fewShotTokens, Price tuned, double tunedTokens,
                 double answerTokens, long trainingTokens, int epochs) {
    double fewShot = (fewShotTokens * base.inputPerMillion() + answerTokens * base.outputPerMillion()) / 1e6;
    double fineTuned = (tunedTokens * tuned.inputPerMillion() + answerTokens * tuned.outputPerMillion()) / 1e6;
    double training = trainingTokens * epochs * tuned.trainingPerMillion() / 1e6;
    double saving = fewShot - fineTuned;
    return saving <= 0 ? Double.POSITIVE_INFINITY : training / saving;
}
