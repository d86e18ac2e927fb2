FineTune settings(Dataset train) {
    return FineTune.of(Models.tiny()).data(train).full().epochs(3).learningRate(3e-3).seed(1);
}
