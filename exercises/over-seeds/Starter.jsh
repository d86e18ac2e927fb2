Spread accuracyOverSeeds(FineTune job, Dataset validation, long... seeds) {
    TunedModel model = job.run(); // one model, one seed: how much of its accuracy is luck?
    return Spread.of(Evaluation.of(model, Prompt.empty()).quiet().run(validation).accuracy());
}
