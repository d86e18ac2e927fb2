package org.tunelab.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link ClassesBehaviour} on PostgreSQL, run only when {@code TUNELAB_TEST_PG_URL} (and {@code TUNELAB_TEST_PG_USER},
 * {@code TUNELAB_TEST_PG_PASSWORD}) name a database, as for {@link PostgresStoreTest}: each test gets its own schema,
 * dropped afterwards.
 */
class PostgresClassesTest extends ClassesBehaviour {

    private static final String BASE_URL = System.getenv("TUNELAB_TEST_PG_URL");
    private static final String USER = System.getenv("TUNELAB_TEST_PG_USER");
    private static final String PASSWORD = System.getenv("TUNELAB_TEST_PG_PASSWORD");

    private String schema;

    // Checked per test, not in @BeforeAll, so that Surefire lists every test as skipped.
    @BeforeEach
    void newSchema() throws SQLException {
        assumeTrue(BASE_URL != null && !BASE_URL.isBlank(),
                "TUNELAB_TEST_PG_URL is not set: skipping the PostgreSQL tests"
                        + " (e.g. TUNELAB_TEST_PG_URL=jdbc:postgresql://localhost/tunelab_test)");
        schema = "tunelab_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Override
    String url() {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    String user() {
        return USER;
    }

    @Override
    String password() {
        return PASSWORD;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
