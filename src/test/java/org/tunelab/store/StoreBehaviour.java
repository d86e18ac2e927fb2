package org.tunelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link Store} must do. Subclasses give each test a fresh, empty
 * database (a SQLite file in a temp folder; a new PostgreSQL schema) through {@link #url()}.
 */
abstract class StoreBehaviour {

    abstract String url();

    abstract String user();

    abstract String password();

    final TestClock clock = new TestClock();

    Store open() {
        return open(Migrations.shipped());
    }

    Store open(Migrations migrations) {
        return Store.open(url(), user(), password(), migrations, clock);
    }

    static Instant minute(int m) {
        return TestClock.minute(m);
    }

    // ---------------------------------------------------------------- basics and persistence

    @Test
    void emptyDatabaseIsMigratedToTheLatestVersion() throws SQLException {
        try (Store store = open()) {
            assertEquals(Migrations.shipped().latest(), store.schemaVersion());
            assertEquals(4, store.schemaVersion(), "update this test (and the fixtures' versions) when V5 ships");
        }
        assertEquals(List.of("1 init", "2 notebooks", "3 classes", "4 dashboard_indexes"), query("SELECT version, description FROM schema_version ORDER BY version"));
    }

    @Test
    void progressSurvivesClosingAndReopening() {
        try (Store store = open()) {
            clock.at(1);
            store.markVisited("ann", "01-intro");
            store.saveCell("ann", "01-intro", "cell-1", "int x = 1;\nSystem.out.println(x);");
            store.saveCell("ann", "01-intro", "cell-2", "");
            store.saveExerciseCode("ann", "greet", "String greet() { return \"hi\"; }");
            store.recordCheck("ann", "greet", false);
            clock.at(2);
            store.recordCheck("ann", "greet", true);
            store.recordHint("ann", "greet", 2);
        }
        try (Store store = open()) {
            assertEquals(4, store.schemaVersion());
            assertEquals(Set.of("01-intro"), store.visited("ann"));
            assertEquals(Map.of("cell-1", "int x = 1;\nSystem.out.println(x);", "cell-2", ""),
                    store.cells("ann", "01-intro"));
            assertEquals(Optional.of("String greet() { return \"hi\"; }"), store.exerciseCode("ann", "greet"));
            assertEquals(Map.of("greet", new ExerciseProgress("greet", 2, minute(2), 2)), store.exercises("ann"));
        }
    }

    @Test
    void cellsAreSavedOverwrittenAndResetPerStudentAndLesson() {
        try (Store store = open()) {
            store.saveCell("ann", "l1", "c1", "first");
            store.saveCell("ann", "l1", "c1", "second");
            store.saveCell("ann", "l2", "c1", "other lesson");
            store.saveCell("bob", "l1", "c1", "other student");
            assertEquals(Map.of("c1", "second"), store.cells("ann", "l1"));
            assertEquals(Map.of("c1", "other lesson"), store.cells("ann", "l2"));

            store.resetCell("ann", "l1", "c1");
            assertEquals(Map.of(), store.cells("ann", "l1"));
            assertEquals(Map.of("c1", "other student"), store.cells("bob", "l1"));
            store.resetCell("ann", "l1", "never-saved"); // not an error
            assertEquals(Optional.empty(), store.exerciseCode("ann", "nothing"));
            assertEquals(Set.of(), store.visited("nobody"));
        }
    }

    @Test
    void checksCountAttemptsAndKeepTheFirstPass() {
        try (Store store = open()) {
            clock.at(1);
            ExerciseProgress p = store.recordCheck("ann", "greet", false);
            assertEquals(new ExerciseProgress("greet", 1, null, 0), p);
            assertFalse(p.passed());
            clock.at(5);
            assertEquals(new ExerciseProgress("greet", 2, minute(5), 0), store.recordCheck("ann", "greet", true));
            clock.at(9);
            assertEquals(new ExerciseProgress("greet", 3, minute(5), 0), store.recordCheck("ann", "greet", true));
            p = store.recordCheck("ann", "greet", false); // breaking it later does not undo the pass
            assertEquals(new ExerciseProgress("greet", 4, minute(5), 0), p);
            assertTrue(p.passed());
        }
    }

    @Test
    void hintsKeepTheLargestNumberShown() {
        try (Store store = open()) {
            assertEquals(new ExerciseProgress("greet", 0, null, 2), store.recordHint("ann", "greet", 2));
            assertEquals(new ExerciseProgress("greet", 0, null, 2), store.recordHint("ann", "greet", 1));
            store.recordCheck("ann", "greet", false);
            assertEquals(new ExerciseProgress("greet", 1, null, 3), store.recordHint("ann", "greet", 3));
            assertThrows(IllegalArgumentException.class, () -> store.recordHint("ann", "greet", -1));
        }
    }

    @Test
    void badArgumentsAndClosedStoreAreRejected() {
        Store store = open();
        assertThrows(NullPointerException.class, () -> store.saveCell("ann", "l1", "c1", null));
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> store.visited(" "));
        assertEquals("store: student is blank", blank.getMessage());
        store.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> store.visited("ann"));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    // ---------------------------------------------------------------- playground notebooks

    private static final List<Notebook.Cell> TWO_CELLS = List.of(
            new Notebook.Cell("markdown", "run", "# Notes\n\nWhat *temperature* does."),
            new Notebook.Cell("java", "expect-error", "int x = \"no\";"));

    @Test
    void notebooksAreCreatedSavedAndSurviveReopening() {
        String id;
        try (Store store = open()) {
            clock.at(1);
            Notebook made = store.notebooks().create("ann", "Temperature", "", TWO_CELLS);
            id = made.id();
            assertEquals(minute(1), made.created());
            clock.at(5);
            List<Notebook.Cell> three = new ArrayList<>(TWO_CELLS);
            three.add(0, new Notebook.Cell("java", "run", "var m = Models.tiny();"));
            assertTrue(store.notebooks().save("ann", id, "Temperature, measured", "One line.", three));
        }
        try (Store store = open()) {
            Notebook back = store.notebooks().get("ann", id).orElseThrow();
            assertEquals("Temperature, measured", back.title());
            assertEquals("One line.", back.summary());
            assertEquals("var m = Models.tiny();", back.cells().get(0).source());
            assertEquals(TWO_CELLS, back.cells().subList(1, 3));
            assertEquals(minute(1), back.created());
            assertEquals(minute(5), back.updated());
            assertEquals(List.of(new Notebook.Entry(id, "Temperature, measured", "One line.", 3, minute(5))),
                    store.notebooks().list("ann"));
        }
    }

    @Test
    void aSaveReplacesEveryCellSoFewerCellsLeaveNoneBehind() {
        try (Store store = open()) {
            Notebook made = store.notebooks().create("ann", "N", "", TWO_CELLS);
            assertTrue(store.notebooks().save("ann", made.id(), "N", "", TWO_CELLS.subList(1, 2)));
            assertEquals(TWO_CELLS.subList(1, 2), store.notebooks().get("ann", made.id()).orElseThrow().cells());
            assertTrue(store.notebooks().save("ann", made.id(), "N", "", List.of()));
            assertEquals(List.of(), store.notebooks().get("ann", made.id()).orElseThrow().cells());
        }
    }

    @Test
    void notebooksBelongToTheirStudentAndAreListedNewestFirst() {
        try (Store store = open()) {
            clock.at(1);
            Notebook older = store.notebooks().create("ann", "Older", "", List.of());
            clock.at(2);
            Notebook newer = store.notebooks().create("ann", "Newer", "", TWO_CELLS);
            assertEquals(List.of("Newer", "Older"), store.notebooks().list("ann").stream().map(Notebook.Entry::title).toList());
            assertEquals(List.of(), store.notebooks().list("bob"));
            assertTrue(store.notebooks().get("bob", newer.id()).isEmpty());
            assertFalse(store.notebooks().save("bob", newer.id(), "Mine now", "", List.of()), "bob cannot save ann's");
            assertFalse(store.notebooks().delete("bob", newer.id()), "bob cannot delete ann's");
            assertEquals("Newer", store.notebooks().get("ann", newer.id()).orElseThrow().title());
            assertTrue(store.notebooks().delete("ann", older.id()));
            assertFalse(store.notebooks().delete("ann", older.id()));
            assertEquals(List.of("Newer"), store.notebooks().list("ann").stream().map(Notebook.Entry::title).toList());
            assertTrue(!older.id().equals(newer.id()));
        }
    }

    // ---------------------------------------------------------------- migrations

    @Test
    void olderDatabaseIsMigratedKeepingItsData() throws SQLException {
        try (Store current = open()) {
            assertEquals(4, current.schemaVersion());
            current.markVisited("ann", "01-intro");
            current.recordCheck("ann", "greet", true);
        }
        Migrations withNext = Migrations.fromClasspath(Migrations.DEFAULT_LOCATION, "db/migration-test-next");
        try (Store next = open(withNext)) {
            assertEquals(5, next.schemaVersion());
            assertEquals(Set.of("01-intro"), next.visited("ann"));
            assertTrue(next.exercises("ann").get("greet").passed());
        }
        // V5 ran against earlier rows, and the ';' inside its string literal did not split the statement.
        assertEquals(List.of("ann scratch; default"), query("SELECT student, name FROM test_playground"));
        try (Store again = open(withNext)) {
            assertEquals(5, again.schemaVersion());
        }
        assertEquals(List.of("1 init", "2 notebooks", "3 classes", "4 dashboard_indexes", "5 test_extra"),
                query("SELECT version, description FROM schema_version ORDER BY version"));
    }

    @Test
    void databaseNewerThanThisTuneLabIsRefused() {
        open(Migrations.fromClasspath(Migrations.DEFAULT_LOCATION, "db/migration-test-next")).close();
        IllegalStateException e = assertThrows(IllegalStateException.class, this::open);
        assertTrue(e.getMessage().contains("is at schema version 5 but this TuneLab knows versions up to 4"),
                e.getMessage());
    }

    @Test
    void failedMigrationLeavesNothingBehind() throws SQLException {
        open().close();
        Migrations broken = Migrations.fromClasspath(Migrations.DEFAULT_LOCATION, "db/migration-test-broken");
        StoreException e = assertThrows(StoreException.class, () -> open(broken));
        assertTrue(e.getMessage().contains("db/migration-test-broken/V5__broken.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        assertEquals(List.of("4"), query("SELECT MAX(version) FROM schema_version"));
        // The statement before the failing one was rolled back too.
        assertThrows(SQLException.class, () -> query("SELECT COUNT(*) FROM half_done"));
        try (Store store = open()) {
            assertEquals(4, store.schemaVersion());
        }
    }

    // ---------------------------------------------------------------- export and import

    @Test
    void exportThenImportIntoAnEmptyStoreGivesTheSameProgress() {
        String exported;
        try (Store store = open()) {
            clock.at(1);
            store.markVisited("ann", "01-intro");
            store.markVisited("ann", "02-prompts");
            store.saveCell("ann", "01-intro", "c1", "println(\"héllo ✓\");");
            store.saveExerciseCode("ann", "greet", "return \"hi\";");
            store.recordCheck("ann", "greet", true);
            store.recordHint("ann", "shout", 1);
            Notebook notebook = store.notebooks().create("ann", "Mine", "One line.", TWO_CELLS);
            exported = store.exportJson("ann");

            store.importJson("bob", exported);
            assertEquals(Optional.of(notebook), store.notebooks().get("bob", notebook.id()));
            assertEquals(store.visited("ann"), store.visited("bob"));
            assertEquals(store.cells("ann", "01-intro"), store.cells("bob", "01-intro"));
            assertEquals(store.exerciseCode("ann", "greet"), store.exerciseCode("bob", "greet"));
            assertEquals(store.exercises("ann"), store.exercises("bob"));
            assertEquals(exported.replace("\"student\" : \"ann\"", "\"student\" : \"bob\""), store.exportJson("bob"));

            store.importJson("ann", exported); // importing your own export changes nothing
            assertEquals(exported, store.exportJson("ann"));
        }
    }

    @Test
    void importMergesKeepingPassesLaterCodeAndLargerCounts() {
        try (Store store = open()) {
            clock.at(5);
            store.recordCheck("ann", "passed-here", true);
            store.recordCheck("ann", "passed-here", true);
            store.recordCheck("ann", "passed-there", false);
            store.recordCheck("ann", "passed-both", true);
            store.recordHint("ann", "passed-there", 1);
            store.markVisited("ann", "01-intro");
            clock.at(10);
            store.saveCell("ann", "01-intro", "newer-here", "local, minute 10");
            store.saveCell("ann", "01-intro", "newer-there", "local, minute 10");
            store.saveExerciseCode("ann", "passed-here", "local code");

            store.importJson("ann", """
                    {
                      "format": "tunelab-progress", "version": 1, "student": "ann-at-home",
                      "lessonsVisited": { "01-intro": "2026-11-20T09:01:00Z", "03-tuning": "2026-11-20T09:02:00Z" },
                      "exercises": {
                        "passed-here":  { "attempts": 1, "firstPassedAt": null, "hintsShown": 0 },
                        "passed-there": { "attempts": 5, "firstPassedAt": "2026-11-20T09:07:00Z", "hintsShown": 3 },
                        "passed-both":  { "attempts": 1, "firstPassedAt": "2026-11-20T09:02:00Z", "hintsShown": 0 },
                        "new-one":      { "attempts": 2, "firstPassedAt": null, "hintsShown": 1 }
                      },
                      "exerciseCode": { "passed-here": { "code": "older code", "savedAt": "2026-11-20T09:03:00Z" } },
                      "cells": { "01-intro": {
                        "newer-here":  { "code": "import, minute 9",  "savedAt": "2026-11-20T09:09:00Z" },
                        "newer-there": { "code": "import, minute 11", "savedAt": "2026-11-20T09:11:00Z" },
                        "only-there":  { "code": "import only",       "savedAt": "2026-11-20T09:01:00Z" }
                      } }
                    }
                    """);

            assertEquals(Map.of(
                    "passed-here", new ExerciseProgress("passed-here", 2, minute(5), 0),      // pass not lost
                    "passed-there", new ExerciseProgress("passed-there", 5, minute(7), 3),    // pass gained
                    "passed-both", new ExerciseProgress("passed-both", 1, minute(2), 0),      // earliest pass
                    "new-one", new ExerciseProgress("new-one", 2, null, 1)),
                    store.exercises("ann"));
            assertEquals(Map.of("newer-here", "local, minute 10", "newer-there", "import, minute 11",
                    "only-there", "import only"), store.cells("ann", "01-intro"));
            assertEquals(Optional.of("local code"), store.exerciseCode("ann", "passed-here"));
            assertEquals(Set.of("01-intro", "03-tuning"), store.visited("ann"));
            assertTrue(store.exportJson("ann").contains("\"01-intro\" : \"2026-11-20T09:01:00Z\""),
                    "the earlier first visit is kept");
        }
    }

    @Test
    void importedNotebooksReplaceOnlyOlderOnes() {
        try (Store store = open()) {
            clock.at(1);
            Notebook n = store.notebooks().create("ann", "First", "", TWO_CELLS);
            String old = store.exportJson("ann");
            clock.at(2);
            store.notebooks().save("ann", n.id(), "Second", "", List.of());
            String newer = store.exportJson("ann");

            store.importJson("ann", old); // an old export does not undo later work
            assertEquals("Second", store.notebooks().get("ann", n.id()).orElseThrow().title());
            store.importJson("bob", newer);
            store.importJson("bob", old);
            assertEquals("Second", store.notebooks().get("bob", n.id()).orElseThrow().title());
            clock.at(3);
            store.notebooks().save("bob", n.id(), "Bob's third", "", TWO_CELLS);
            store.importJson("ann", store.exportJson("bob"));
            assertEquals("Bob's third", store.notebooks().get("ann", n.id()).orElseThrow().title());
            assertEquals(TWO_CELLS, store.notebooks().get("ann", n.id()).orElseThrow().cells());
        }
    }

    @Test
    void aBadNotebookInAnImportNamesItsPath() {
        try (Store store = open()) {
            String doc = "{\"format\": \"tunelab-progress\", \"version\": 1, \"notebooks\": {\"n1\": {\"title\": \"T\","
                    + " \"created\": \"2026-11-20T09:00:00Z\", \"updated\": \"2026-11-20T09:00:00Z\","
                    + " \"cells\": [{\"kind\": \"python\", \"mode\": \"run\", \"source\": \"x\"}]}}}";
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.importJson("ann", doc));
            assertEquals("import: notebooks.n1.cells[0].kind: expected one of [java, markdown]", e.getMessage());
            assertEquals(List.of(), store.notebooks().list("ann"));
        }
    }

    @Test
    void badImportIsRejectedWithItsPathAndWritesNothing() {
        try (Store store = open()) {
            store.recordCheck("ann", "greet", false);
            String before = store.exportJson("ann");
            Map<String, String> badDocuments = Map.of(
                    "", "import: the document is empty",
                    "{\"format\": \"tunelab-progress\", \"version\": 1,", "import: not valid JSON",
                    "[1, 2]", "import: expected an object, got array",
                    "{\"format\": \"something-else\", \"version\": 1}", "import: format: expected \"tunelab-progress\"",
                    "{\"format\": \"tunelab-progress\", \"version\": 7}", "import: version: this TuneLab reads version 1, the file is version 7",
                    "{\"format\": \"tunelab-progress\", \"version\": 1, \"exercises\": {\"greet\": {\"attempts\": -1}}}",
                    "import: exercises.greet.attempts: expected a whole number >= 0, got -1",
                    "{\"format\": \"tunelab-progress\", \"version\": 1, \"exercises\": {\"greet\": {\"attempts\": 9}},"
                            + " \"cells\": {\"l1\": {\"c1\": {\"code\": \"x\", \"savedAt\": \"yesterday\"}}}}",
                    "import: cells.l1.c1.savedAt: expected a time like \"2026-11-23T12:00:00Z\", got \"yesterday\"",
                    "{\"format\": \"tunelab-progress\", \"version\": 1, \"exercises\": {\"greet\": {\"atempts\": 1}}}",
                    "import: exercises.greet.atempts: unknown field",
                    "{\"format\": \"tunelab-progress\", \"version\": 1, \"version\": 1}", "import: not valid JSON: Duplicate field 'version'");
            badDocuments.forEach((json, expected) -> {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> store.importJson("ann", json), json);
                assertTrue(e.getMessage().startsWith(expected), "for " + json + "\n got: " + e.getMessage());
            });
            assertThrows(IllegalArgumentException.class, () -> store.importJson("ann", null));
            assertEquals(before, store.exportJson("ann"), "a rejected import wrote something");
        }
    }

    // ---------------------------------------------------------------- threads

    @Test
    void concurrentWritesFromManyThreadsAndTwoStoresAreAllKept() throws Exception {
        int threads = 8;
        int rounds = 40;
        try (Store first = open(); Store second = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    Store store = t % 2 == 0 ? first : second;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < rounds; i++) {
                            store.recordCheck("ann", "shared", i == rounds - 1);
                            store.recordHint("ann", "shared", i % 5);
                            store.saveCell("ann", "l1", "t" + thread + "-c" + i, "code " + i);
                            store.markVisited("ann", "lesson-" + (i % 3));
                            store.cells("ann", "l1");
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) f.get(120, TimeUnit.SECONDS); // rethrows any thread's failure
            } finally {
                pool.shutdownNow();
            }
            ExerciseProgress shared = first.exercises("ann").get("shared");
            assertEquals(threads * rounds, shared.attempts(), "every check counted exactly once");
            assertTrue(shared.passed());
            assertEquals(4, shared.hintsShown());
            assertEquals(threads * rounds, second.cells("ann", "l1").size());
            assertEquals(Set.of("lesson-0", "lesson-1", "lesson-2"), second.visited("ann"));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Rows of a query on a plain JDBC connection, each row's columns joined by spaces. */
    List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), user(), password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) row.append(i > 1 ? " " : "").append(r.getString(i));
                rows.add(row.toString());
            }
            return rows;
        }
    }

    static void assertNoPassword(String message, String password) {
        assertFalse(message.contains(password), "message reveals the password: " + message);
    }
}
