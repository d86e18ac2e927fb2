package org.tunelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void runsAtOnceDefaultsToFourPerCoreAndIsSetByItsVariable() {
        assertEquals(4 * Runtime.getRuntime().availableProcessors(), Config.from(new String[0], Map.of()).fairness().concurrentRuns());
        Config eight = Config.from(new String[0], Map.of("TUNELAB_RUNS_AT_ONCE", "8"));
        assertEquals(8, eight.fairness().concurrentRuns());
        assertEquals(3, eight.withRunsAtOnce(3).fairness().concurrentRuns());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[0], Map.of("TUNELAB_RUNS_AT_ONCE", "0")).fairness());
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Config.from(new String[0], Map.of("TUNELAB_RUNS_AT_ONCE", "many")));
    }
}
