// check: one value per seed
checkSpread = accuracyOverSeeds(checkJob, checkValidation, 1, 2, 3);
assertEquals(3, checkSpread.n(), "accuracyOverSeeds(job, validation, 1, 2, 3) gave " + checkSpread);

// check: each value is labelled with its seed, in order
assertNotNull(checkSpread, "no spread: the check above failed");
assertEquals(List.of(1L, 2L, 3L), checkSpread.seeds(), "the seeds of " + checkSpread);

// check: each value is the accuracy of the model trained with that seed
assertNotNull(checkSpread, "no spread: the first check failed");
Spread trainedHere = Spread.of(checkJob.runSeeds(1, 2, 3), m -> checkAccuracy(m));
assertEquals(trainedHere.values(), checkSpread.values(), "your values for seeds 1, 2, 3, against models the check"
        + " trained with those seeds and asked with Prompt.empty(). One model per seed: job.seed(s) returns a new job"
        + " and leaves job as it was");

// hidden check: it trains with the seeds it is given
Spread four = accuracyOverSeeds(checkJob, checkValidation, 4);
assertEquals(List.of(4L), four.seeds(), "the seeds of accuracyOverSeeds(job, validation, 4): " + four);
assertEquals(checkAccuracy(checkJob.seed(4).run()), four.values().get(0), 1e-9, "the value of accuracyOverSeeds(job, validation, 4)");
