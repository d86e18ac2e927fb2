// check: a loss that falls and then rises is best at its lowest point
assertEquals(3, bestStep(List.of(2.0, 1.5, 0.9, 1.1, 1.4)), "bestStep([2.0, 1.5, 0.9, 1.1, 1.4])");

// check: steps count from 1
assertEquals(1, bestStep(List.of(0.5, 0.7)), "bestStep([0.5, 0.7])");

// check: steps without a measurement (NaN) are skipped
assertEquals(4, bestStep(List.of(Double.NaN, Double.NaN, 3.0, 2.0, 2.0, 2.5)), "bestStep([NaN, NaN, 3.0, 2.0, 2.0, 2.5])");

// check: no measurement at all gives -1
assertEquals(-1, bestStep(List.of(Double.NaN, Double.NaN)), "bestStep([NaN, NaN])");
assertEquals(-1, bestStep(List.of()), "bestStep([])");

// hidden check: ties keep the earliest step, and a NaN is never the best
assertEquals(2, bestStep(List.of(1.0, 0.4, Double.NaN, 0.4, 0.6)), "bestStep([1.0, 0.4, NaN, 0.4, 0.6])");
