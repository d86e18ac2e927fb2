package org.tunelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                true, 0, null, Duration.ZERO, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Load(config, plan).run());
        assertTrue(e.getMessage().startsWith("no lessons in " + empty.toAbsolutePath().resolve("lessons")), e.getMessage());
    }

    @Test
    void aStreamedAnswerIsReadByItsLastLineAndItsPlacesCounted() {
        String streamed = """
                {"event":"queued","position":3}
                {"position":2,"event":"queued"}
                {"event":"output","stream":"stdout","text":"queued\\n"}
                {"event":"starting"}
                {"event":"result","status":"ok","value":"2","kernel":"k1"}
                """;
        assertEquals("{\"event\":\"result\",\"status\":\"ok\",\"value\":\"2\",\"kernel\":\"k1\"}",
                Load.resultLine(streamed));
        assertEquals(3, Load.placeLines(streamed), "two places and a VM starting; printed text is not a place");
        String plain = "{\"status\":\"ok\",\"value\":\"2\"}";
        assertEquals(plain, Load.resultLine(plain));
        assertEquals(0, Load.placeLines(plain));
    }
}
