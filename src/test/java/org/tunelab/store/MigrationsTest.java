package org.tunelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void migrationsAreFoundInsideAJarAsInTheShadedBuild(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of("db/", "db/jarred/", "db/jarred/README.md", "db/jarred/V2__second.sql",
                    "db/jarred/V1__first.sql", "db/jarred/nested/", "db/jarred/nested/V9__ignored.sql")) {
                out.putNextEntry(new JarEntry(entry));
                if (entry.endsWith(".sql")) out.write(("CREATE TABLE t" + entry.length() + " (x INTEGER);").getBytes());
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Migrations m = Migrations.fromClasspath(loader, "db/jarred");
            assertEquals(List.of("first", "second"), m.all().stream().map(Migrations.Migration::description).toList());
            assertEquals("db/jarred/V1__first.sql", m.all().get(0).source());
            assertEquals(2, m.latest());
        }
    }

    @Test
    void missingFolderIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Migrations.fromClasspath("db/no-such-folder"));
        assertEquals("migrations: class path folder db/no-such-folder not found", e.getMessage());
    }
}
