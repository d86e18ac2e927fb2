package org.tunelab;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTest {
    @Test
    void aFolderWithoutLessonsIsNamedBeforeAnyServerStarts(@TempDir Path empty) {
        Config config = Config.from(new String[] {"--course", empty.toString(), "--data", empty.resolve("data").toString()},
                Map.of());
        Load.Plan plan = new Load.Plan(2, Duration.ofSeconds(10), null, Duration.ZERO, Duration.ZERO, null, List.of(),
                true, 0, null, Duration.ZERO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Load(config, plan).run());
        assertTrue(e.getMessage().startsWith("no lessons in " + empty.toAbsolutePath().resolve("lessons")), e.getMessage());
    }
}
