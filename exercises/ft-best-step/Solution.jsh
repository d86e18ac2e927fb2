int bestStep(List<Double> validationLoss) {
    int best = -1;
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < validationLoss.size(); i++) {
        double loss = validationLoss.get(i);
        if (!Double.isNaN(loss) && loss < lowest) {
            lowest = loss;
            best = i + 1;
        }
    }
    return best;
}
