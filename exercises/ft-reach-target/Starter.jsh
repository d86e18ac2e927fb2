FineTune settings(Dataset train) {
    return FineTune.of(Models.tiny()).data(train).epochs(1);
}
