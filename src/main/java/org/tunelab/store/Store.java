package org.tunelab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tunelab.store.ProgressDocument.SavedCode;
import org.tunelab.store.ProgressDocument.Snapshot;

/**
 * Each student's progress and saved editor contents, in SQLite (a file, the default) or
 * PostgreSQL (a shared deployment), over JDBC.
 *
 * <pre>{@code
 * try (Store store = Store.sqlite(Path.of("data/tunelab.db"))) {
 *     store.saveCell("ann", "01-intro", "cell-1", "System.out.println(1);");
 *     store.recordCheck("ann", "greet", true);
 * }
 * }</pre>
 *
 * Opening a store brings its schema up to date (see {@code db/migration}). A store is safe to
 * share between threads; open one at start-up and close it at shutdown.
 */
public final class Store implements AutoCloseable {

    private final Database db;
    private final Clock clock;
    private final int schemaVersion;
    private final Notebooks notebooks;
    private final Classes classes;
    private final ClassActivity activity;

    private Store(Database db, Clock clock, int schemaVersion) {
        this.db = db;
        this.clock = clock;
        this.schemaVersion = schemaVersion;
        this.notebooks = new Notebooks(db, clock);
        this.classes = new Classes(db, clock);
        this.activity = new ClassActivity(db, clock);
    }

    /** The playground's notebooks, in the same database. */
    public Notebooks notebooks() {
        return notebooks;
    }

    /** Instructors, classes and students' accounts, in the same database. */
    public Classes classes() {
        return classes;
    }

    /** What class members run and check, for the instructor's dashboard. */
    public ClassActivity activity() {
        return activity;
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:sqlite:FILE} or
     * {@code jdbc:postgresql://HOST/DATABASE}) and applies any pending migrations.
     *
     * @param user     may be null (SQLite ignores it)
     * @param password may be null; it never appears in error messages
     * @throws StoreException if the database cannot be reached, naming the URL and user
     */
    public static Store open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, Migrations.shipped(), Clock.systemUTC());
    }

    /** Opens (creating if needed) a SQLite file, and its parent folders. */
    public static Store sqlite(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("store: cannot create the folder for " + absolute, e);
        }
        return open("jdbc:sqlite:" + absolute, null, null);
    }

    /** For tests: other migrations, or a fixed clock. */
    static Store open(String jdbcUrl, String user, String password, Migrations migrations, Clock clock) {
        Database db = Database.connect(jdbcUrl, user, password);
        try {
            return new Store(db, clock, migrations.apply(db));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- notebook cells

    public void saveCell(String student, String lesson, String cellId, String code) {
        require(student, "student", lesson, "lesson", cellId, "cellId", code, "code");
        long now = now();
        db.transaction("saveCell(" + student + ", " + lesson + ", " + cellId + ")", c -> update(c,
                "INSERT INTO cell_code (student, lesson, cell_id, code, saved_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (student, lesson, cell_id)"
                        + " DO UPDATE SET code = excluded.code, saved_at = excluded.saved_at",
                student, lesson, cellId, code, now));
    }

    /** The saved cells of one lesson, cell id to code, sorted by id. Cells never saved are absent. */
    public Map<String, String> cells(String student, String lesson) {
        require(student, "student", lesson, "lesson");
        return db.read("cells(" + student + ", " + lesson + ")", c -> {
            Map<String, String> cells = new TreeMap<>();
            try (PreparedStatement p = prepare(c,
                    "SELECT cell_id, code FROM cell_code WHERE student = ? AND lesson = ?", student, lesson);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) cells.put(r.getString(1), r.getString(2));
            }
            return Collections.unmodifiableMap(cells);
        });
    }

    /** Forgets a saved cell, so the lesson shows its original code again. */
    public void resetCell(String student, String lesson, String cellId) {
        require(student, "student", lesson, "lesson", cellId, "cellId");
        db.transaction("resetCell(" + student + ", " + lesson + ", " + cellId + ")", c -> update(c,
                "DELETE FROM cell_code WHERE student = ? AND lesson = ? AND cell_id = ?", student, lesson, cellId));
    }

    // ---------------------------------------------------------------- lessons

    public void markVisited(String student, String lesson) {
        require(student, "student", lesson, "lesson");
        long now = now();
        db.transaction("markVisited(" + student + ", " + lesson + ")", c -> update(c,
                "INSERT INTO lesson_visit (student, lesson, first_visited_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (student, lesson) DO NOTHING",
                student, lesson, now));
    }

    public Set<String> visited(String student) {
        require(student, "student");
        return db.read("visited(" + student + ")", c -> Collections.unmodifiableSet(new TreeSet<>(visitedTimes(c, student).keySet())));
    }

    // ---------------------------------------------------------------- exercises

    public void saveExerciseCode(String student, String exercise, String code) {
        require(student, "student", exercise, "exercise", code, "code");
        long now = now();
        db.transaction("saveExerciseCode(" + student + ", " + exercise + ")", c -> update(c,
                "INSERT INTO exercise_code (student, exercise, code, saved_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (student, exercise)"
                        + " DO UPDATE SET code = excluded.code, saved_at = excluded.saved_at",
                student, exercise, code, now));
    }

    public Optional<String> exerciseCode(String student, String exercise) {
        require(student, "student", exercise, "exercise");
        return db.read("exerciseCode(" + student + ", " + exercise + ")", c -> {
            try (PreparedStatement p = prepare(c,
                    "SELECT code FROM exercise_code WHERE student = ? AND exercise = ?", student, exercise);
                 ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Counts one run of the checks; the first passing run's time is kept forever. */
    public ExerciseProgress recordCheck(String student, String exercise, boolean passed) {
        require(student, "student", exercise, "exercise");
        Long passedAt = passed ? now() : null;
        return db.transaction("recordCheck(" + student + ", " + exercise + ")", c -> {
            update(c, "INSERT INTO exercise_progress (student, exercise, attempts, first_passed_at, hints_shown)"
                            + " VALUES (?, ?, 1, ?, 0)"
                            + " ON CONFLICT (student, exercise) DO UPDATE SET"
                            + " attempts = exercise_progress.attempts + 1,"
                            + " first_passed_at = COALESCE(exercise_progress.first_passed_at, excluded.first_passed_at)",
                    student, exercise, passedAt);
            return progress(c, student, exercise);
        });
    }

    /** Records that {@code hintsShown} hints are revealed; a lower number never hides one again. */
    public ExerciseProgress recordHint(String student, String exercise, int hintsShown) {
        require(student, "student", exercise, "exercise");
        if (hintsShown < 0) throw new IllegalArgumentException("store: recordHint: hintsShown must be >= 0, got " + hintsShown);
        return db.transaction("recordHint(" + student + ", " + exercise + ")", c -> {
            update(c, "INSERT INTO exercise_progress (student, exercise, attempts, first_passed_at, hints_shown)"
                            + " VALUES (?, ?, 0, NULL, ?)"
                            + " ON CONFLICT (student, exercise) DO UPDATE SET hints_shown = " + larger("exercise_progress", "hints_shown"),
                    student, exercise, hintsShown);
            return progress(c, student, exercise);
        });
    }

    /** Every exercise the student has checked or taken a hint on, sorted by exercise id. */
    public Map<String, ExerciseProgress> exercises(String student) {
        require(student, "student");
        return db.read("exercises(" + student + ")", c -> Collections.unmodifiableMap(progressOf(c, student)));
    }

    // ---------------------------------------------------------------- export and import

    /** All of one student's progress and code as a JSON document (see {@link ProgressDocument}). */
    public String exportJson(String student) {
        require(student, "student");
        // One transaction, so the document is one consistent moment.
        Snapshot snapshot = db.transaction("exportJson(" + student + ")", c -> new Snapshot(
                visitedTimes(c, student), progressOf(c, student),
                exerciseCodes(c, student), cellCodes(c, student), notebooks.all(c, student)));
        return ProgressDocument.write(student, snapshot, Instant.ofEpochMilli(now()));
    }

    /**
     * Merges an export into this student's progress: lessons visited are added, attempts and
     * hints keep the larger count, the earliest pass is kept (a pass is never lost), and for code
     * the later save wins. The document's own "student" field is ignored, so progress can move
     * between accounts. A notebook is added, or replaces the one with its id if that was saved earlier.
     * Nothing is written unless the whole document is valid.
     *
     * @throws IllegalArgumentException naming the bad field, if the document is not a valid export
     */
    public void importJson(String student, String json) {
        require(student, "student");
        Snapshot s = ProgressDocument.read(json);
        db.transaction("importJson(" + student + ")", c -> {
            for (Map.Entry<String, Instant> v : s.lessonsVisited().entrySet()) {
                update(c, "INSERT INTO lesson_visit (student, lesson, first_visited_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (student, lesson) DO UPDATE SET first_visited_at = "
                                + smaller("lesson_visit", "first_visited_at"),
                        student, v.getKey(), v.getValue().toEpochMilli());
            }
            for (ExerciseProgress e : s.exercises().values()) {
                update(c, "INSERT INTO exercise_progress (student, exercise, attempts, first_passed_at, hints_shown)"
                                + " VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (student, exercise) DO UPDATE SET"
                                + " attempts = " + larger("exercise_progress", "attempts") + ","
                                + " first_passed_at = CASE"
                                + "  WHEN exercise_progress.first_passed_at IS NULL THEN excluded.first_passed_at"
                                + "  WHEN excluded.first_passed_at IS NULL THEN exercise_progress.first_passed_at"
                                + "  ELSE " + smaller("exercise_progress", "first_passed_at") + " END,"
                                + " hints_shown = " + larger("exercise_progress", "hints_shown"),
                        student, e.exercise(), e.attempts(),
                        e.firstPassedAt() == null ? null : e.firstPassedAt().toEpochMilli(), e.hintsShown());
            }
            for (Map.Entry<String, SavedCode> e : s.exerciseCode().entrySet()) {
                update(c, "INSERT INTO exercise_code (student, exercise, code, saved_at) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (student, exercise)"
                                + " DO UPDATE SET code = excluded.code, saved_at = excluded.saved_at"
                                + " WHERE excluded.saved_at > exercise_code.saved_at",
                        student, e.getKey(), e.getValue().code(), e.getValue().savedAt().toEpochMilli());
            }
            for (Map.Entry<String, Map<String, SavedCode>> lesson : s.cells().entrySet()) {
                for (Map.Entry<String, SavedCode> cell : lesson.getValue().entrySet()) {
                    update(c, "INSERT INTO cell_code (student, lesson, cell_id, code, saved_at) VALUES (?, ?, ?, ?, ?)"
                                    + " ON CONFLICT (student, lesson, cell_id)"
                                    + " DO UPDATE SET code = excluded.code, saved_at = excluded.saved_at"
                                    + " WHERE excluded.saved_at > cell_code.saved_at",
                            student, lesson.getKey(), cell.getKey(), cell.getValue().code(),
                            cell.getValue().savedAt().toEpochMilli());
                }
            }
            for (Notebook n : s.notebooks().values()) {
                notebooks.merge(c, student, n);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- a student's whole record

    private static final List<String> STUDENT_TABLES = List.of("lesson_visit", "cell_code", "exercise_code",
            "exercise_progress", "notebook", "notebook_cell", "class_member", "student_account", "activity",
            "check_failure");

    /** Deletes everything stored for a student: progress, code, notebooks, account, classes and activity. */
    public void deleteStudent(String student) {
        require(student, "student");
        db.transaction("deleteStudent(" + student + ")", c -> {
            for (String table : STUDENT_TABLES) {
                update(c, "DELETE FROM " + table + " WHERE student = ?", student);
            }
            return null;
        });
    }

    /**
     * Moves an anonymous browser's progress, code and notebooks into an account (merged as {@link #importJson}
     * merges) and deletes them from where they were: what a student did before signing in is kept.
     */
    public void moveStudent(String from, String to) {
        require(from, "from", to, "to");
        if (from.equals(to)) return;
        importJson(to, exportJson(from));
        deleteStudent(from);
    }

    // ---------------------------------------------------------------- lifecycle

    /** The schema version this store brought its database to when it opened. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Closes idle connections; calls made after this fail with IllegalStateException. */
    @Override
    public void close() {
        db.close();
    }

    // ---------------------------------------------------------------- helpers

    private long now() {
        return clock.millis();
    }

    // Neither GREATEST/LEAST (PostgreSQL) nor two-argument MAX/MIN (SQLite) exists on both.
    private static String larger(String table, String column) {
        return pick(table, column, ">");
    }

    private static String smaller(String table, String column) {
        return pick(table, column, "<");
    }

    private static String pick(String table, String column, String comparison) {
        return "CASE WHEN excluded." + column + " " + comparison + " " + table + "." + column
                + " THEN excluded." + column + " ELSE " + table + "." + column + " END";
    }

    private static ExerciseProgress progress(Connection c, String student, String exercise) throws SQLException {
        try (PreparedStatement p = prepare(c, "SELECT exercise, attempts, first_passed_at, hints_shown"
                + " FROM exercise_progress WHERE student = ? AND exercise = ?", student, exercise);
             ResultSet r = p.executeQuery()) {
            if (!r.next()) throw new SQLException("row for exercise '" + exercise + "' vanished after writing it");
            return progressRow(r);
        }
    }

    private static Map<String, ExerciseProgress> progressOf(Connection c, String student) throws SQLException {
        Map<String, ExerciseProgress> out = new TreeMap<>();
        try (PreparedStatement p = prepare(c, "SELECT exercise, attempts, first_passed_at, hints_shown"
                + " FROM exercise_progress WHERE student = ?", student);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                ExerciseProgress e = progressRow(r);
                out.put(e.exercise(), e);
            }
        }
        return out;
    }

    private static ExerciseProgress progressRow(ResultSet r) throws SQLException {
        long passed = r.getLong(3);
        Instant firstPassedAt = r.wasNull() ? null : Instant.ofEpochMilli(passed);
        return new ExerciseProgress(r.getString(1), r.getInt(2), firstPassedAt, r.getInt(4));
    }

    private static Map<String, Instant> visitedTimes(Connection c, String student) throws SQLException {
        Map<String, Instant> out = new TreeMap<>();
        try (PreparedStatement p = prepare(c,
                "SELECT lesson, first_visited_at FROM lesson_visit WHERE student = ?", student);
             ResultSet r = p.executeQuery()) {
            while (r.next()) out.put(r.getString(1), Instant.ofEpochMilli(r.getLong(2)));
        }
        return out;
    }

    private static Map<String, SavedCode> exerciseCodes(Connection c, String student) throws SQLException {
        Map<String, SavedCode> out = new TreeMap<>();
        try (PreparedStatement p = prepare(c,
                "SELECT exercise, code, saved_at FROM exercise_code WHERE student = ?", student);
             ResultSet r = p.executeQuery()) {
            while (r.next()) out.put(r.getString(1), new SavedCode(r.getString(2), Instant.ofEpochMilli(r.getLong(3))));
        }
        return out;
    }

    private static Map<String, Map<String, SavedCode>> cellCodes(Connection c, String student) throws SQLException {
        Map<String, Map<String, SavedCode>> out = new TreeMap<>();
        try (PreparedStatement p = prepare(c,
                "SELECT lesson, cell_id, code, saved_at FROM cell_code WHERE student = ?", student);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.computeIfAbsent(r.getString(1), lesson -> new TreeMap<>())
                        .put(r.getString(2), new SavedCode(r.getString(3), Instant.ofEpochMilli(r.getLong(4))));
            }
        }
        return out;
    }

    static Void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params)) {
            p.executeUpdate();
        }
        return null;
    }

    /** Binds parameters; a null is bound as BIGINT, the only nullable column type we write. */
    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object v = params[i];
                if (v == null) p.setNull(i + 1, java.sql.Types.BIGINT);
                else if (v instanceof String s) p.setString(i + 1, s);
                else if (v instanceof Integer n) p.setInt(i + 1, n);
                else if (v instanceof Long n) p.setLong(i + 1, n);
                else throw new IllegalArgumentException("cannot bind " + v.getClass());
            }
            return p;
        } catch (SQLException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** Ids (student, lesson, ...) must be present and not blank; code may be empty but not null. */
    static void require(Object... valueNamePairs) {
        for (int i = 0; i < valueNamePairs.length; i += 2) {
            Object value = valueNamePairs[i];
            String name = (String) valueNamePairs[i + 1];
            Objects.requireNonNull(value, () -> "store: " + name + " is null");
            if (!"code".equals(name) && value instanceof String s && s.isBlank()) {
                throw new IllegalArgumentException("store: " + name + " is blank");
            }
        }
    }
}
