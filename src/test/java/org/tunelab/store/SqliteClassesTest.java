package org.tunelab.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClassesBehaviour} on a real SQLite file in a temp folder. */
class SqliteClassesTest extends ClassesBehaviour {

    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("tunelab.db");
    }

    @Override
    String user() {
        return null;
    }

    @Override
    String password() {
        return null;
    }
}
