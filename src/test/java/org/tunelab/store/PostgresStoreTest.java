package org.tunelab.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StoreBehaviour} on PostgreSQL, run only when {@code TUNELAB_TEST_PG_URL} (and
 * {@code TUNELAB_TEST_PG_USER}, {@code TUNELAB_TEST_PG_PASSWORD}) name a database the user may
 * create schemas in. Each test gets its own schema, dropped afterwards, so the database's other
 * contents are never touched.
 */
class PostgresStoreTest extends StoreBehaviour {

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

    @Test
    void wrongPasswordNamesTheDatabaseButNotThePassword() {
        String wrong = "not-the-password-" + UUID.randomUUID();
        StoreException e = assertThrows(StoreException.class, () -> Store.open(url(), USER, wrong));
        assertTrue(e.getMessage().startsWith("store: cannot connect to " + url() + " as user '" + USER + "'"),
                e.getMessage());
        assertNoPassword(e.getMessage(), wrong);
    }

}
