package org.tunelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void shippedMigrationsStartAtOneAndAreNumberedInOrder() {
        List<Migrations.Migration> all = Migrations.shipped().all();
        assertEquals("init", all.get(0).description());
        for (int i = 0; i < all.size(); i++) assertEquals(i + 1, all.get(i).version());
    }

    @Test
    void statementsSplitAtSemicolonsOutsideQuotesAndDropComments() {
        assertEquals(List.of("CREATE TABLE a (x TEXT)", "INSERT INTO a VALUES ('semi;colon -- not a comment')",
                        "INSERT INTO \"odd;name\" VALUES ('it''s')"),
                Migrations.statements("""
                        -- a comment; with a semicolon
                        CREATE TABLE a (x TEXT); -- trailing comment
                        INSERT INTO a VALUES ('semi;colon -- not a comment');
                        INSERT INTO "odd;name" VALUES ('it''s');
                        ;
                        """).stream().map(s -> s.replaceAll("\\s+", " ").strip()).toList());
    }

    @Test
    void missingVersionIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Migrations.fromClasspath("db/migration-test-gap"));
        assertEquals("migrations in db/migration-test-gap: version 2 is missing (found V3 next)", e.getMessage());
    }

    @Test
    void badFileNameIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Migrations.fromClasspath("db/migration-test-badname"));
        assertTrue(e.getMessage().startsWith("migrations: db/migration-test-badname/V1_init.sql: name must look like"),
                e.getMessage());
    }

    @Test
    void sameVersionTwiceIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Migrations.fromClasspath("db/migration", "db/migration-test-gap"));
        assertEquals("migrations: version 1 appears twice: db/migration/V1__init.sql and db/migration-test-gap/V1__a.sql",
                e.getMessage());
    }

    @Test
    void missingFolderIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Migrations.fromClasspath("db/no-such-folder"));
        assertEquals("migrations: class path folder db/no-such-folder not found", e.getMessage());
    }
}
