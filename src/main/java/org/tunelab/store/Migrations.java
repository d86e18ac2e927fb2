package org.tunelab.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned schema migrations: plain SQL files named {@code V<n>__<description>.sql} in a class
 * path folder ({@code db/migration}), applied in version order, each in its own transaction, and
 * recorded in {@code schema_version}.
 *
 * <p>To change the schema add the next file (say {@code V2__playground.sql}); never edit one that
 * has shipped, because databases that already applied it will not run it again. Write SQL that
 * both SQLite and PostgreSQL accept (TEXT, INTEGER, BIGINT; no AUTOINCREMENT/SERIAL). A file may
 * hold several statements separated by {@code ;}; {@code --} comments are allowed.
 */
final class Migrations {

    static final String DEFAULT_LOCATION = "db/migration";

    /** One SQL file. {@code source} says where it came from, for error messages. */
    record Migration(int version, String description, String sql, String source) {}

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_-]+)\\.sql");

    private final List<Migration> migrations;

    private Migrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** The migrations shipped with TuneLab. */
    static Migrations shipped() {
        return fromClasspath(DEFAULT_LOCATION);
    }

    /**
     * Reads every {@code V<n>__*.sql} file in the given class path folders, which together must
     * number their versions 1, 2, 3, ... with none missing or repeated.
     */
    static Migrations fromClasspath(String... locations) {
        return fromClasspath(Migrations.class.getClassLoader(), locations);
    }

    /** As {@link #fromClasspath(String...)}, from a given class loader (tests use a jar). */
    static Migrations fromClasspath(ClassLoader loader, String... locations) {
        TreeMap<Integer, Migration> byVersion = new TreeMap<>();
        for (String location : locations) {
            List<URL> folders;
            try {
                folders = Collections.list(loader.getResources(location));
            } catch (IOException e) {
                throw new UncheckedIOException("migrations: cannot list class path folder " + location, e);
            }
            if (folders.isEmpty()) {
                throw new IllegalStateException("migrations: class path folder " + location + " not found");
            }
            for (URL folder : folders) {
                for (String name : fileNames(folder, location)) {
                    if (!name.endsWith(".sql")) continue; // a README beside the migrations is fine
                    Migration m = read(loader, location + "/" + name, name);
                    Migration clash = byVersion.put(m.version(), m);
                    if (clash != null) {
                        throw new IllegalStateException("migrations: version " + m.version()
                                + " appears twice: " + clash.source() + " and " + m.source());
                    }
                }
            }
        }
        int expected = 1;
        for (int version : byVersion.keySet()) {
            if (version != expected) {
                throw new IllegalStateException("migrations in " + String.join(", ", locations)
                        + ": version " + expected + " is missing (found V" + version + " next)");
            }
            expected++;
        }
        return new Migrations(new ArrayList<>(byVersion.values()));
    }

    List<Migration> all() {
        return migrations;
    }

    int latest() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /** Brings the database up to {@link #latest()}; returns the version it ends at. */
    int apply(Database db) {
        db.transaction("migrations: create schema_version", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
                        + " version INTEGER PRIMARY KEY,"
                        + " description TEXT NOT NULL,"
                        + " applied_at BIGINT NOT NULL)");
            }
            return null;
        });
        int current = db.read("migrations: read schema_version", Migrations::currentVersion);
        if (current > latest()) {
            throw new IllegalStateException("store: database " + db.where() + " is at schema version "
                    + current + " but this TuneLab knows versions up to " + latest()
                    + "; run a newer TuneLab against it (or point this one at another database)");
        }
        for (Migration m : migrations) {
            if (m.version() <= current) continue;
            current = db.transaction("migration " + m.source(), c -> {
                if (db.kind() == Database.Kind.POSTGRESQL) {
                    // Two servers starting at once: the second waits here, then sees the work done.
                    try (Statement s = c.createStatement()) {
                        s.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
                    }
                }
                int now = currentVersion(c);
                if (now >= m.version()) return now;
                for (String statement : statements(m.sql())) {
                    try (Statement s = c.createStatement()) {
                        s.execute(statement);
                    } catch (SQLException e) {
                        throw new SQLException(e.getMessage() + "\n  in statement: " + firstLine(statement), e.getSQLState(), e);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.description());
                    p.setLong(3, System.currentTimeMillis());
                    p.executeUpdate();
                }
                return m.version();
            });
        }
        return current;
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0; // MAX of no rows is NULL, which getInt reads as 0
        }
    }

    /**
     * Splits a file into statements at {@code ;} outside quotes, dropping {@code --} comments.
     * (JDBC runs one statement per call on SQLite.)
     */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quote != 0) {
                current.append(ch);
                if (ch == quote) quote = 0;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                current.append(ch);
            } else if (ch == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') i++;
                current.append('\n');
            } else if (ch == ';') {
                addIfNotBlank(out, current);
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        addIfNotBlank(out, current);
        return out;
    }

    private static void addIfNotBlank(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) out.add(s);
    }

    private static String firstLine(String statement) {
        int nl = statement.indexOf('\n');
        return nl < 0 ? statement : statement.substring(0, nl) + " ...";
    }

    private static Migration read(ClassLoader loader, String resource, String name) {
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalStateException("migrations: " + resource
                    + ": name must look like V2__add_playground.sql (V, version, two underscores, description)");
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("migrations: " + resource + ": cannot be read");
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Migration(Integer.parseInt(m.group(1)), m.group(2), sql, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("migrations: " + resource + ": cannot be read", e);
        }
    }

    /** The file names directly inside a class path folder, from a directory or from a jar. */
    private static List<String> fileNames(URL folder, String location) {
        List<String> names = new ArrayList<>();
        try {
            switch (folder.getProtocol()) {
                case "file" -> {
                    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                        files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
                    }
                }
                case "jar" -> {
                    JarURLConnection connection = (JarURLConnection) folder.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        String prefix = location.endsWith("/") ? location : location + "/";
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String entry = entries.nextElement().getName();
                            if (entry.startsWith(prefix) && entry.length() > prefix.length()
                                    && entry.indexOf('/', prefix.length()) < 0) {
                                names.add(entry.substring(prefix.length()));
                            }
                        }
                    }
                }
                default -> throw new IllegalStateException("migrations: cannot list " + folder
                        + " (only directories and jars are supported)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("migrations: cannot list " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("migrations: bad folder URL " + folder, e);
        }
        Collections.sort(names);
        return names;
    }
}
