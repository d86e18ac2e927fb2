Dataset mix(Dataset data, List<String> tasks, int perTask, long seed) {
    Dataset general = Dataset.of(List.of());
    for (String task : tasks) {
        general = general.concat(Datasets.task(task, perTask, seed).withInstruction(Datasets.instruction(task)));
    }
    return data.concat(general).shuffle(seed);
}
