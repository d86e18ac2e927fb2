FineTune settings(Dataset train) {
    return FineTune.of(Models.tiny()).data(train).full().epochs(3).learningRate(2e-3).batchSize(4).seed(1);
}
