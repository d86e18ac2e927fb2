Dataset.Split prepare(Dataset data, long seed) {
    return data.split(0.5, seed);
}
