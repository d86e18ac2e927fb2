// A LoRA job small enough to train three times within one check: 60 tickets, 2 epochs in batches of 4.
FineTune checkJob = FineTune.of(Models.tiny()).data(Datasets.supportTickets(60, 5))
        .epochs(2).learningRate(5e-3).batchSize(4).lora(8);
// 40 tickets, so that accuracies come in steps of 0.025 and different models rarely tie.
Dataset checkValidation = Datasets.supportTickets(40, 99);
// One small training step first, so that the timed checks measure training, not the JVM warming up.
FineTune.of(Models.tiny()).data(Datasets.supportTickets(8, 1)).epochs(1).start().await();
Spread checkSpread = null;

double checkAccuracy(Model model) {
    return Evaluation.of(model, Prompt.empty()).quiet().run(checkValidation).accuracy();
}
