package org.tunelab.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link ClassesBehaviour} on PostgreSQL, run only when {@code TUNELAB_TEST_PG_URL} (and {@code TUNELAB_TEST_PG_USER},
 * {@code TUNELAB_TEST_PG_PASSWORD}) name a database, as for {@link PostgresStoreTest}: each test gets its own schema,
 * dropped afterwards.
 */
class PostgresClassesTest extends ClassesBehaviour {

    private static final String USER = TestSchema.USER;
    private static final String PASSWORD = TestSchema.PASSWORD;

    private TestSchema schema;

    // Checked per test, not in @BeforeAll, so that Surefire lists every test as skipped.
    @BeforeEach
    void newSchema() throws SQLException {
        assumeTrue(TestSchema.configured(), "TUNELAB_TEST_PG_URL is not set: skipping the PostgreSQL tests"
                + " (e.g. TUNELAB_TEST_PG_URL=jdbc:postgresql://localhost/tunelab_test)");
        schema = TestSchema.create();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) schema.close();
    }

    @Override
    String url() {
        return schema.url();
    }

    @Override
    String user() {
        return USER;
    }

    @Override
    String password() {
        return PASSWORD;
    }

}
