package org.tunelab.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway PostgreSQL schema for one test, in the database that {@code TUNELAB_TEST_PG_URL} (with
 * {@code TUNELAB_TEST_PG_USER} and {@code TUNELAB_TEST_PG_PASSWORD}) names; the database's other contents are never
 * touched. {@code .ci/run} starts Debian's PostgreSQL and sets them.
 */
public final class TestSchema implements AutoCloseable {
    public static final String BASE_URL = System.getenv("TUNELAB_TEST_PG_URL");
    public static final String USER = System.getenv("TUNELAB_TEST_PG_USER");
    public static final String PASSWORD = System.getenv("TUNELAB_TEST_PG_PASSWORD");

    private final String name;

    private TestSchema(String name) {
        this.name = name;
    }

    /** Whether a test database is configured. */
    public static boolean configured() {
        return BASE_URL != null && !BASE_URL.isBlank();
    }

    /** A new, empty schema. */
    public static TestSchema create() throws SQLException {
        TestSchema schema = new TestSchema("tunelab_test_" + UUID.randomUUID().toString().replace("-", ""));
        execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /** The JDBC URL whose tables live in this schema. */
    public String url() {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
