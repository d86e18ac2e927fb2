package org.tunelab;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @Test
    void validateInAFolderWithoutLessonsFailsNamingIt(@TempDir Path empty) {
        Config config = Config.from(new String[] {"--course", empty.toString(), "--data", empty.resolve("data").toString()},
                Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.validate(config));
        assertTrue(e.getMessage().startsWith("no folder " + empty.toAbsolutePath().resolve("lessons")), e.getMessage());
    }
}
