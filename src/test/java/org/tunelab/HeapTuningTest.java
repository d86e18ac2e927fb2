package org.tunelab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeapTuningTest {
    private static final long MB = 1L << 20;
    private static final Duration QUIET = HeapTuning.QUIET;

    @Test
    void collectsOnceQuietAfterRunsOrGrowth() {
        assertTrue(HeapTuning.collectNow(10, 300 * MB, 4, 300 * MB, QUIET, 0), "runs since the last collection");
        assertTrue(HeapTuning.collectNow(4, 600 * MB, 4, 300 * MB, QUIET, 0), "the heap grew by half and 64 MB");
        assertFalse(HeapTuning.collectNow(4, 400 * MB, 4, 300 * MB, QUIET, 0), "nothing new: no collection again");
        assertFalse(HeapTuning.collectNow(10, 300 * MB, 4, 300 * MB, QUIET.minusSeconds(1), 0), "not quiet long enough");
    }

    @Test
    void waitsWhileKernelsStart() {
        // a class's prepared kernels grow the heap with what they keep: collecting for it only took CPU from the starts
        assertFalse(HeapTuning.collectNow(4, 900 * MB, 4, 300 * MB, QUIET.plusSeconds(60), 37));
        assertFalse(HeapTuning.collectNow(10, 300 * MB, 4, 300 * MB, QUIET.plusSeconds(60), 1));
        assertTrue(HeapTuning.collectNow(4, 900 * MB, 4, 300 * MB, QUIET.plusSeconds(60), 0), "once they are ready");
    }
}
