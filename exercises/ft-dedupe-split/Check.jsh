// check: 100 distinct tickets split into 80 for training and 20 for validation
Dataset.Split s = prepare(Datasets.supportTickets(100, 3), 7);
assertEquals(20, s.validation().size(), "validation examples (20% of 100)");
assertEquals(80, s.train().size(), "training examples");

// check: repeated examples are removed before splitting
Dataset base = Datasets.supportTickets(100, 3);
Dataset.Split d = prepare(base.concat(base.head(30)), 7);
assertEquals(100, d.train().size() + d.validation().size(), "examples after removing the 30 repeats");
Set<Example> train = new HashSet<>(d.train().examples());
assertEquals(0, d.validation().stream().filter(train::contains).count(), "validation examples that are also in training");

// check: the same seed gives the same split, another seed another one
assertEquals(prepare(base, 7).validation(), prepare(base, 7).validation(), "validation set of two runs with seed 7");
assertNotEquals(prepare(base, 7).validation(), prepare(base, 8).validation(), "validation sets of seeds 7 and 8");

// hidden check: the split is the dataset's own seeded split of the unique examples
assertEquals(base.split(0.2, 5).validation().examples(), prepare(base.concat(base), 5).validation().examples(),
        "use dataset.split(0.2, seed) on the examples without repeats");
