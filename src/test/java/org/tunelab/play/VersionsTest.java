package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions of a named model in a plain JVM: kept in the local models folder (here a temporary one). */
class VersionsTest {
    private static final Dataset TICKETS = Datasets.supportTickets(24, 3);

    @TempDir
    Path dir;
    private String before;

    @BeforeEach
    void useATemporaryShelf() {
        before = System.getProperty("tunelab.models");
        System.setProperty("tunelab.models", dir.toString());
    }

    @AfterEach
    void restoreTheShelf() {
        if (before == null) {
            System.clearProperty("tunelab.models");
        } else {
            System.setProperty("tunelab.models", before);
        }
    }

    private static TunedModel tune(Dataset data) {
        return FineTune.of(Models.tiny()).data(data).epochs(1).lora(2).seed(1).run();
    }

    @Test
    void publishedVersionsAreNumberedLiveKeptAndRolledBack() {
        TunedModel first = tune(TICKETS);
        TunedModel second = tune(TICKETS.withLabelNoise(0.25, 7));
        Versions router = Versions.of("router");
        assertEquals(1, router.publish(first, "24 tickets"));
        assertEquals(2, router.publish(second, "24 tickets, relabelled"));
        assertEquals(2, router.liveVersion(), "a published version goes live");
        assertEquals(second.id(), router.live().id());
        assertNotEquals(router.version(1).info().dataHash(), router.version(2).info().dataHash(),
                "relabelling alone changes the data hash");

        Versions again = Versions.of("router"); // another kernel, or after a restart: read from the folder
        assertEquals(List.of(1, 2), again.versions().stream().map(Versions.Version::number).toList());
        assertEquals("24 tickets, relabelled", again.version(2).note());
        assertEquals(second.id(), again.live().id(), "loaded from the saved models");
        assertTrue(Files.exists(dir.resolve("versions/router.json")));

        assertEquals(1, again.rollback());
        assertEquals(first.id(), router.live().id(), "every handle sees the rollback");
        assertEquals(2, router.versions().size(), "the version rolled back from stays listed");
        IllegalStateException none = assertThrows(IllegalStateException.class, router::rollback);
        assertEquals("Version 1 of router is the first that went live, so there is nothing to roll back to; "
                + "rollback(n) makes version n live.", none.getMessage());
        assertEquals(2, router.rollback(2));
        assertEquals(1, router.rollback(), "rollback() undoes rollback(n)");

        String table = router.toString();
        assertTrue(table.startsWith("router: 2 versions, version 1 live\n"), table);
        assertTrue(table.contains(first.id()) && table.contains(first.info().dataHash()) && table.contains("24 tickets"), table);
        assertEquals("live", router.table().rows().get(0).get(7));
        assertEquals("", router.table().rows().get(1).get(7));
        assertEquals(24, router.table().rows().get(0).get(4), "examples");
    }

    @Test
    void compareEvaluatesEveryVersionOrTheOnesNamedOnOneTestSet() {
        Versions router = Versions.of("router");
        router.publish(tune(TICKETS), "first");
        router.publish(tune(TICKETS.head(16)), "second");
        Dataset test = Datasets.supportTickets(6, 9);
        Comparison all = router.compare(test, Prompt.empty());
        assertEquals(List.of("v1", "v2"), all.names());
        assertEquals(6, all.result("v1").n());
        assertEquals(router.model(2).id(), all.result("v2").model());
        assertEquals(List.of("v2"), router.compare(test, Prompt.empty(), 2).names());
    }

    @Test
    void mistakesAreOneClearSentence() {
        IllegalArgumentException badName = assertThrows(IllegalArgumentException.class, () -> Versions.of("my router"));
        assertEquals("'my router' cannot name a model's versions: use 1 to 64 letters, digits, - and _, "
                + "e.g. Versions.of(\"router\").", badName.getMessage());
        Versions router = Versions.of("router");
        assertEquals("router has no versions yet: publish a fine-tuned model with Versions.of(\"router\")"
                + ".publish(model, \"a note\").", assertThrows(IllegalStateException.class, router::live).getMessage());
        assertTrue(router.toString().startsWith("router: no versions yet"));

        TunedModel gone = tune(TICKETS);
        Models.delete(gone.id());
        assertEquals("'" + gone.id() + "' is not one of your saved models (Models.tuned() lists them), so it cannot "
                + "be a version of router.", assertThrows(IllegalArgumentException.class,
                () -> router.publish(gone, "deleted")).getMessage());
        assertEquals("You have no fine-tuned model 'ft-nothing'. Models.tuned() lists yours.",
                assertThrows(IllegalArgumentException.class, () -> router.publish("ft-nothing", "?")).getMessage());

        router.publish(tune(TICKETS), "one");
        assertEquals("router has no version 3; its versions are 1.",
                assertThrows(IllegalArgumentException.class, () -> router.rollback(3)).getMessage());
        assertEquals("router has no version 0; its versions are 1.",
                assertThrows(IllegalArgumentException.class, () -> router.version(0)).getMessage());
    }

    @Test
    void aStaleWriteIsRefusedSoThatNoChangeIsLost() {
        Versions.of("router").publish(tune(TICKETS), "one"); // revision 1 saved
        ObjectNode stale = ModelShelf.versions("router").put("revision", 1); // as if read before that publish
        IllegalStateException conflict = assertThrows(IllegalStateException.class,
                () -> ModelShelf.saveVersions("router", stale));
        assertEquals(ModelShelf.versionsChanged("router"), conflict.getMessage());
        assertEquals(1, Versions.of("router").versions().size());
    }
}
