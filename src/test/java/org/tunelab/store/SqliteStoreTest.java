package org.tunelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoreBehaviour} on a real SQLite file in a temp folder, plus what only SQLite does. */
class SqliteStoreTest extends StoreBehaviour {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void newFile() {
        file = dir.resolve("data/tunelab.db");
    }

    @Override
    Store open(Migrations migrations) {
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return super.open(migrations);
    }

    @Override
    String url() {
        return "jdbc:sqlite:" + file;
    }

    @Override
    String user() {
        return null;
    }

    @Override
    String password() {
        return null;
    }

    @Test
    void sqliteCreatesParentFoldersAndUsesWal() throws SQLException {
        Path nested = dir.resolve("a/b/c/progress.db");
        try (Store store = Store.sqlite(nested)) {
            store.saveCell("ann", "l1", "c1", "x");
        }
        assertTrue(Files.isRegularFile(nested));
        try (Store store = Store.sqlite(nested)) {
            assertEquals(Map.of("c1", "x"), store.cells("ann", "l1"));
        }
        file = nested;
        assertEquals(List.of("wal"), query("PRAGMA journal_mode"));
    }

    @Test
    void unreachableDatabaseIsNamedInTheError() {
        Path notAFolder = dir.resolve("plain-file");
        StoreException e = assertThrows(StoreException.class, () -> {
            Files.writeString(notAFolder, "not a folder");
            Store.open("jdbc:sqlite:" + notAFolder.resolve("x.db"), null, null);
        });
        assertTrue(e.getMessage().startsWith("store: cannot connect to jdbc:sqlite:" + notAFolder.resolve("x.db")),
                e.getMessage());
    }

    @Test
    void inMemorySqliteIsRejectedBecauseEachConnectionWouldBeEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Store.open("jdbc:sqlite::memory:", null, null));
        assertTrue(e.getMessage().contains("in-memory SQLite is not supported"), e.getMessage());
    }

    @Test
    void unsupportedUrlIsRejectedWithoutShowingItsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Store.open("jdbc:mysql://db/tunelab?user=me&password=hunter2", "me", "hunter2"));
        assertEquals("store: unsupported JDBC URL jdbc:mysql://db/tunelab?user=me&password=***:"
                + " expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE", e.getMessage());
    }
}
