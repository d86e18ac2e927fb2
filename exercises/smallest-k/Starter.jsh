int smallestK(Model model, Prompt base, Dataset pool, Dataset test, double target) {
    for (int k : new int[] {0, 1, 2, 4, 8}) {
        // build the k-shot prompt, measure it on test, return k when it is good enough
    }
    return 8;
}
