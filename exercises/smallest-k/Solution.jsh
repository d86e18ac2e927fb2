int smallestK(Model model, Prompt base, Dataset pool, Dataset test, double target) {
    for (int k : new int[] {0, 1, 2, 4, 8}) {
        Prompt prompt = base.examples(pool.head(k).stream().map(e -> new Prompt.Example(e.input(), e.label())).toList());
        int right = 0;
        for (Example e : test) {
            if (model.complete(prompt.input(e.input())).answer().equals(e.label())) {
                right++;
            }
        }
        if ((double) right / test.size() >= target) {
            return k;
        }
    }
    return -1;
}
