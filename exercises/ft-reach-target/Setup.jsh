Dataset checkTrain = Datasets.supportTickets(80, 5);
Dataset checkValidation = Datasets.supportTickets(20, 99);
// One small training step first, so that the timed checks measure training, not the JVM warming up.
FineTune.of(Models.tiny()).data(Datasets.supportTickets(8, 1)).full().epochs(1).start().await();
Job checkJob = null;
TunedModel checkTuned = null;
