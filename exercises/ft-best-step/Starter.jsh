int bestStep(List<Double> validationLoss) {
    return validationLoss.size(); // the last step
}
