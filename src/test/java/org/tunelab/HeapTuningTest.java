package org.tunelab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeapTuningTest {
    private static final long MB = 1L << 20;
    private static final Duration QUIET = HeapTuning.QUIET;
    private static final Duration LONG_QUIET = QUIET.plusSeconds(60);

    @Test
    void collectsOnceQuietAfterRunsOrGrowth() {
        HeapTuning.QuietRule rule = new HeapTuning.QuietRule();
        rule.collected(4, 300 * MB);
        assertTrue(rule.due(10, 300 * MB, QUIET, 0), "runs since the last collection");
        assertFalse(rule.due(10, 300 * MB, QUIET.minusSeconds(1), 0), "not quiet long enough");
        assertTrue(rule.due(4, 600 * MB, QUIET, 0), "the heap grew by half and 64 MB");
        assertFalse(rule.due(4, 400 * MB, QUIET, 0), "nothing new");
        rule.collected(10, 300 * MB);
        assertFalse(rule.due(10, 300 * MB, LONG_QUIET, 0), "collected already: not again");
    }

    @Test
    void neverWhileKernelsStartAndWhatTheyKeepIsNotGarbage() {
        HeapTuning.QuietRule rule = new HeapTuning.QuietRule();
        rule.collected(4, 300 * MB);
        // a class's 100 prepared kernels grow the heap with what they keep
        assertFalse(rule.due(4, 700 * MB, LONG_QUIET, 60));
        assertFalse(rule.due(4, 1100 * MB, LONG_QUIET, 1));
        assertFalse(rule.due(4, 1100 * MB, LONG_QUIET, 0), "all ready: the heap they grew is kept, not garbage");
        assertTrue(rule.due(4, 1800 * MB, LONG_QUIET, 0), "grown well past it since");
        assertTrue(rule.due(5, 1100 * MB, LONG_QUIET, 0), "or runs since");
    }
}
