package org.tunelab.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * JDBC connections to one SQLite or PostgreSQL database, safe to use from many threads.
 *
 * <p>Each call borrows a connection (a few are kept open for reuse), so threads never share one.
 * SQLite allows one writer at a time: its connections use WAL (readers do not block the writer),
 * a busy timeout (another process holding the lock is waited for, not failed), and
 * {@code BEGIN IMMEDIATE} transactions (a transaction takes the write lock up front rather than
 * failing when it upgrades); writes from this process are also queued on a lock so they do not
 * spin on the busy timeout. PostgreSQL needs none of that: upserts are atomic there.
 */
final class Database implements AutoCloseable {

    enum Kind { SQLITE, POSTGRESQL }

    /** Work done with a borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int MAX_CONNECTIONS = 16;
    private static final int IDLE_CONNECTIONS = 4;
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    private static final long BORROW_TIMEOUT_S = 30;
    private static final long CHECK_AFTER_IDLE_MS = 30_000;

    /** A pooled connection and when it was last handed back. */
    private record Idle(Connection connection, long sinceMillis) {}

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final String where;
    private final BlockingQueue<Idle> idle = new ArrayBlockingQueue<>(IDLE_CONNECTIONS);
    private final Semaphore permits = new Semaphore(MAX_CONNECTIONS, true);
    private final ReentrantLock sqliteWriteLock = new ReentrantLock(true);
    private volatile boolean closed;

    private Database(Kind kind, String url, String user, String password) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.where = describe(url, user);
    }

    /** Opens one connection at once so that a wrong URL, user or password fails here, clearly. */
    static Database connect(String url, String user, String password) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("store: JDBC URL is empty");
        Kind kind;
        if (url.startsWith("jdbc:sqlite:")) kind = Kind.SQLITE;
        else if (url.startsWith("jdbc:postgresql:")) kind = Kind.POSTGRESQL;
        else throw new IllegalArgumentException("store: unsupported JDBC URL " + redact(url)
                + ": expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE");
        if (kind == Kind.SQLITE && (url.equals("jdbc:sqlite:") || url.contains(":memory:"))) {
            // Every pooled connection would get its own, separate, empty database.
            throw new IllegalArgumentException("store: " + url + ": in-memory SQLite is not supported;"
                    + " give a file (tests: a file in a temporary folder)");
        }
        Database db = new Database(kind, url, user, password);
        try {
            db.idle.offer(new Idle(db.newConnection(), System.currentTimeMillis()));
        } catch (SQLException e) {
            throw new StoreException("store: cannot connect to " + db.where + ": " + e.getMessage(), e);
        }
        return db;
    }

    Kind kind() {
        return kind;
    }

    /** Where this database is, for messages: the URL without any password, and the user. */
    String where() {
        return where;
    }

    /** Runs single-statement reads in auto-commit mode; {@code what} names the operation in errors. */
    <T> T read(String what, Work<T> work) {
        return withConnection(what, work);
    }

    /**
     * Runs several reads as one consistent moment without taking the SQLite write lock (WAL lets a reader go on
     * beside the writer), so that a long read, such as a class's dashboard, never holds up students' saves; on
     * PostgreSQL at REPEATABLE READ, so that every statement sees the same snapshot.
     */
    <T> T snapshot(String what, Work<T> work) {
        return withConnection(what, c -> {
            if (kind != Kind.POSTGRESQL) return committed(c, work);
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return committed(c, work);
            } finally {
                c.setTransactionIsolation(isolation);
            }
        });
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    <T> T transaction(String what, Work<T> work) {
        boolean locked = kind == Kind.SQLITE;
        if (locked) sqliteWriteLock.lock();
        try {
            return withConnection(what, c -> committed(c, work));
        } finally {
            if (locked) sqliteWriteLock.unlock();
        }
    }

    /** {@code work} on {@code c} as one transaction, committed, or rolled back when it fails. */
    private static <T> T committed(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private <T> T withConnection(String what, Work<T> work) {
        if (closed) throw new IllegalStateException("store: " + what + ": the store is closed");
        acquirePermit(what);
        Connection c = null;
        boolean healthy = false;
        try {
            c = borrow();
            T result = work.run(c);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw new StoreException("store: " + what + " on " + where + ": " + e.getMessage(), e);
        } finally {
            // A connection that saw an error may be broken (server restart, aborted transaction):
            // close it rather than hand it to the next caller.
            if (c != null && !(healthy && !closed && idle.offer(new Idle(c, System.currentTimeMillis())))) {
                closeQuietly(c);
            }
            permits.release();
        }
    }

    /**
     * An idle connection, or a new one. One idle for a while is checked first, because a
     * PostgreSQL server may have restarted or dropped it meanwhile.
     */
    private Connection borrow() throws SQLException {
        Idle i;
        while ((i = idle.poll()) != null) {
            boolean stale = System.currentTimeMillis() - i.sinceMillis() > CHECK_AFTER_IDLE_MS;
            if (!stale || i.connection().isValid(2)) return i.connection();
            closeQuietly(i.connection());
        }
        return newConnection();
    }

    private void acquirePermit(String what) {
        try {
            if (!permits.tryAcquire(BORROW_TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("store: " + what + ": all " + MAX_CONNECTIONS
                        + " connections to " + where + " stayed busy for " + BORROW_TIMEOUT_S + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("store: " + what + ": interrupted while waiting for a connection", e);
        }
    }

    private Connection newConnection() throws SQLException {
        Properties props = new Properties();
        if (kind == Kind.SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // durable enough with WAL
            config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            props.putAll(config.toProperties());
        }
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        return DriverManager.getConnection(url, props);
    }

    @Override
    public void close() {
        closed = true;
        Idle i;
        while ((i = idle.poll()) != null) closeQuietly(i.connection());
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing a connection we are discarding; there is nothing left to do with it.
        }
    }

    private static String describe(String url, String user) {
        return redact(url) + (user == null || user.isEmpty() ? "" : " as user '" + user + "'");
    }

    /** Hides a password given in the URL itself ({@code ?password=...}). */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
