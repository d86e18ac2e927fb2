Spread accuracyOverSeeds(FineTune job, Dataset validation, long... seeds) {
    List<TunedModel> models = job.runSeeds(seeds);
    return Spread.of(models, m -> Evaluation.of(m, Prompt.empty()).quiet().run(validation).accuracy());
}
