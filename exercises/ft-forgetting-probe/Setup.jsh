List<String> otherTasks = List.of("sentiment", "spam", "urgency", "topic", "department");
TunedModel trainedSpecialist = null;

// A ticket specialist as in the lesson, smaller so that one check has time to train it: every weight
// fine-tuned (full()) on 48 support tickets. Trained on first use, by the first check that needs it.
TunedModel ticketSpecialist() {
    if (trainedSpecialist == null) {
        trainedSpecialist = FineTune.of(Models.tiny()).data(Datasets.supportTickets(48, 5))
                .full().epochs(2).learningRate(1e-3).seed(1).run();
    }
    return trainedSpecialist;
}
