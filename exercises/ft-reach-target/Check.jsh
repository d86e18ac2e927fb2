// check: settings(train) starts a job on the 80 tickets
checkJob = settings(checkTrain).start();
assertNotEquals(JobStatus.FAILED, checkJob.status(), "the job failed: " + checkJob);

// check: the job finishes within the time of a check
assertNotNull(checkJob, "no job: the check above failed");
checkTuned = checkJob.await();

// check: the tuned model routes at least 80% of 20 new tickets correctly
assertNotNull(checkTuned, "no tuned model: the training check above did not finish");
EvalResult checkResult = Evaluation.of(checkTuned, Prompt.empty()).quiet().run(checkValidation);
assertTrue(checkResult.accuracy() >= 0.8, "accuracy " + checkResult.accuracy() + " (" + checkResult.correct()
        + " of 20 right); it answered e.g. " + checkResult.answers().subList(0, 5));
