Dataset.Split prepare(Dataset data, long seed) {
    Dataset unique = Dataset.of(data.stream().distinct().toList());
    return unique.split(0.2, seed);
}
