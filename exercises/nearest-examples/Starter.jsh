Dataset nearestExamples(Dataset pool, String input, int k) {
    return pool.head(k); // the same examples for every input
}
