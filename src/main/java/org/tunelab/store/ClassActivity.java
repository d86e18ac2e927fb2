package org.tunelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the students of a class do, for their instructor's live dashboard (get one from {@link Store#activity()}).
 * Runs and checks are recorded only for students with an account (who joined a class); self-study leaves no trace
 * here. Everything is keyed by lesson and exercise slugs; the caller adds titles from the course.
 */
public final class ClassActivity {
    /** Failed checks without a pass, and for at least {@link #STUCK_AFTER}, make a student look stuck. */
    public static final int STUCK_FAILURES = 3;
    public static final Duration STUCK_AFTER = Duration.ofMinutes(5);
    private static final int TOP = 10;
    private static final int MAX_TEXT = 300;

    private final Database db;
    private final Clock clock;

    ClassActivity(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One failed check in a check run. */
    public record Failure(String check, String message) {
    }

    /**
     * Records a lesson run by a student with an account (nothing for anyone else).
     *
     * @param compileError the run's first compile error, or null
     */
    public void recordRun(String student, String lesson, boolean ok, String compileError) {
        if (!hasAccount(student)) {
            return;
        }
        long now = clock.millis();
        db.transaction("recordRun(" + student + ")", c -> Store.update(c,
                "INSERT INTO activity (student, at, kind, item, ok, detail) VALUES (?, ?, 'run', ?, ?, ?)",
                student, now, lesson, ok ? 1 : 0, clip(compileError)));
    }

    /** A read, so that self-study (most runs) never waits for the database's write lock. */
    private boolean hasAccount(String student) {
        return db.read("hasAccount(" + student + ")",
                c -> Classes.single(c, "SELECT student FROM student_account WHERE student = ?", student).isPresent());
    }

    /** Records an exercise check by a student with an account, and each check that failed. */
    public void recordCheck(String student, String exercise, boolean passed, List<Failure> failures) {
        if (!hasAccount(student)) {
            return;
        }
        long now = clock.millis();
        db.transaction("recordCheck(" + student + ")", c -> {
            Store.update(c, "INSERT INTO activity (student, at, kind, item, ok, detail) VALUES (?, ?, 'check', ?, ?, '')",
                    student, now, exercise, passed ? 1 : 0);
            for (Failure f : failures) {
                Store.update(c, "INSERT INTO check_failure (student, at, exercise, check_name, message) VALUES (?, ?, ?, ?, ?)",
                        student, now, exercise, clip(f.check()), clip(f.message()));
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- the class

    public record ExerciseCounts(int attempted, int passed, int attempts) {
    }

    public record FailingCheck(String exercise, String check, String message, int students, int failures) {
    }

    public record CompileError(String message, String lesson, int students, int count) {
    }

    public record Stuck(String member, String name, String exercise, int failedAttempts, Instant since) {
    }

    public record RosterRow(String member, String name, Instant joinedAt, Instant lastActive, int lessonsOpened,
                            int lessonsRan, int exercisesPassed, int attempts) {
    }

    /** A class at one moment: counts by lesson and exercise, what fails most, who looks stuck, the roster. */
    public record ClassView(int students, Map<String, Integer> opened, Map<String, Integer> ran,
                            Map<String, ExerciseCounts> exercises, List<FailingCheck> failingChecks,
                            List<CompileError> compileErrors, List<Stuck> stuck, List<RosterRow> roster,
                            Instant at) {
    }

    /** The dashboard's figures for one class, read as one moment (without holding up students' writes). */
    public ClassView view(String classroom) {
        long now = clock.millis();
        return db.snapshot("classView(" + classroom + ")", c -> {
            String members = " JOIN class_member m ON m.student = x.student AND m.classroom = ?";
            Map<String, Integer> opened = counts(c, "SELECT x.lesson, COUNT(*) FROM lesson_visit x" + members
                    + " GROUP BY x.lesson", classroom);
            // Each student's lessons first: a few per student, where COUNT(DISTINCT) would sort every run.
            Map<String, Integer> ran = counts(c, "SELECT r.item, COUNT(*) FROM (SELECT DISTINCT x.student, x.item"
                    + " FROM activity x" + members + " WHERE x.kind = 'run') r GROUP BY r.item", classroom);
            Map<String, ExerciseCounts> exercises = new TreeMap<>();
            try (PreparedStatement p = Store.prepare(c, "SELECT x.exercise, COUNT(*),"
                    + " SUM(CASE WHEN x.first_passed_at IS NULL THEN 0 ELSE 1 END), SUM(x.attempts)"
                    + " FROM exercise_progress x" + members + " WHERE x.attempts > 0 GROUP BY x.exercise", classroom);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) exercises.put(r.getString(1), new ExerciseCounts(r.getInt(2), r.getInt(3), r.getInt(4)));
            }
            List<FailingCheck> failing = new ArrayList<>();
            try (PreparedStatement p = Store.prepare(c, "SELECT x.exercise, x.check_name, MIN(x.message),"
                    + " COUNT(DISTINCT x.student), COUNT(*) FROM check_failure x" + members
                    + " GROUP BY x.exercise, x.check_name ORDER BY 4 DESC, 5 DESC, 1, 2 LIMIT " + TOP, classroom);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    failing.add(new FailingCheck(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getInt(5)));
                }
            }
            List<CompileError> errors = new ArrayList<>();
            // detail > '' (not <> ''), so that the index reads only the runs with an error (V4).
            try (PreparedStatement p = Store.prepare(c, "SELECT x.detail, MIN(x.item), COUNT(DISTINCT x.student), COUNT(*)"
                    + " FROM activity x" + members + " WHERE x.kind = 'run' AND x.detail > ''"
                    + " GROUP BY x.detail ORDER BY 3 DESC, 4 DESC, 1 LIMIT " + TOP, classroom);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) errors.add(new CompileError(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4)));
            }
            return new ClassView(memberCount(c, classroom), opened, ran, exercises, failing, errors,
                    stuck(c, classroom, now), roster(c, classroom, null), Instant.ofEpochMilli(now));
        });
    }

    /** Every member's progress on every exercise they have tried, for the gradebook: member to exercise to progress. */
    public Map<String, Map<String, ExerciseProgress>> grades(String classroom) {
        return db.read("grades(" + classroom + ")", c -> {
            Map<String, Map<String, ExerciseProgress>> out = new LinkedHashMap<>();
            try (PreparedStatement p = Store.prepare(c, "SELECT m.member, x.exercise, x.attempts, x.first_passed_at,"
                    + " x.hints_shown FROM exercise_progress x JOIN class_member m ON m.student = x.student"
                    + " WHERE m.classroom = ?", classroom);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long passed = r.getLong(4);
                    Instant at = r.wasNull() ? null : Instant.ofEpochMilli(passed);
                    out.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2),
                            new ExerciseProgress(r.getString(2), r.getInt(3), at, r.getInt(5)));
                }
            }
            return out;
        });
    }

    /** A member of a class as the gradebook names them. */
    public record Member(String member, String name) {
    }

    /** The class's members, in the roster's order (by name). */
    public List<Member> members(String classroom) {
        return db.read("members(" + classroom + ")", c -> {
            List<Member> out = new ArrayList<>();
            try (PreparedStatement p = Store.prepare(c, "SELECT m.member, a.display_name FROM class_member m"
                    + " JOIN student_account a ON a.student = m.student WHERE m.classroom = ?"
                    + " ORDER BY a.display_name, m.member", classroom);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new Member(r.getString(1), r.getString(2)));
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- one student

    public record LessonActivity(boolean opened, int runs, int errors) {
    }

    public record LastCheck(Instant at, boolean passed, List<Failure> failed) {
    }

    public record ExerciseActivity(ExerciseProgress progress, String code, LastCheck lastCheck) {
    }

    public record StudentView(RosterRow row, Map<String, LessonActivity> lessons, Map<String, ExerciseActivity> exercises) {
    }

    /** One member of a class (by their member id), or empty if the class has no such member. */
    public Optional<StudentView> student(String classroom, String member) {
        return db.snapshot("studentView(" + classroom + ", " + member + ")", c -> {
            Optional<String> found = Classes.single(c,
                    "SELECT student FROM class_member WHERE classroom = ? AND member = ?", classroom, member);
            if (found.isEmpty()) {
                return Optional.<StudentView>empty();
            }
            String student = found.get();
            RosterRow row = roster(c, classroom, member).get(0);
            Map<String, LessonActivity> lessons = new TreeMap<>();
            try (PreparedStatement p = Store.prepare(c, "SELECT lesson FROM lesson_visit WHERE student = ?", student);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) lessons.put(r.getString(1), new LessonActivity(true, 0, 0));
            }
            try (PreparedStatement p = Store.prepare(c, "SELECT item, COUNT(*), SUM(1 - ok) FROM activity"
                    + " WHERE student = ? AND kind = 'run' GROUP BY item", student);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    boolean opened = lessons.containsKey(r.getString(1));
                    lessons.put(r.getString(1), new LessonActivity(opened, r.getInt(2), r.getInt(3)));
                }
            }
            Map<String, ExerciseActivity> exercises = new TreeMap<>();
            Map<String, String> code = new HashMap<>();
            try (PreparedStatement p = Store.prepare(c, "SELECT exercise, code FROM exercise_code WHERE student = ?", student);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) code.put(r.getString(1), r.getString(2));
            }
            Map<String, LastCheck> last = lastChecks(c, student);
            try (PreparedStatement p = Store.prepare(c, "SELECT exercise, attempts, first_passed_at, hints_shown"
                    + " FROM exercise_progress WHERE student = ?", student);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long passed = r.getLong(3);
                    Instant at = r.wasNull() ? null : Instant.ofEpochMilli(passed);
                    String ex = r.getString(1);
                    exercises.put(ex, new ExerciseActivity(new ExerciseProgress(ex, r.getInt(2), at, r.getInt(4)),
                            code.get(ex), last.get(ex)));
                }
            }
            for (Map.Entry<String, String> e : code.entrySet()) {
                exercises.putIfAbsent(e.getKey(), new ExerciseActivity(null, e.getValue(), last.get(e.getKey())));
            }
            return Optional.of(new StudentView(row, lessons, exercises));
        });
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, LastCheck> lastChecks(Connection c, String student) throws SQLException {
        Map<String, LastCheck> out = new HashMap<>();
        try (PreparedStatement p = Store.prepare(c, "SELECT x.item, x.at, x.ok FROM activity x WHERE x.student = ?"
                + " AND x.kind = 'check' AND x.at = (SELECT MAX(y.at) FROM activity y WHERE y.student = x.student"
                + " AND y.kind = 'check' AND y.item = x.item)", student);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), new LastCheck(Instant.ofEpochMilli(r.getLong(2)), r.getInt(3) == 1, new ArrayList<>()));
            }
        }
        for (Map.Entry<String, LastCheck> e : out.entrySet()) {
            try (PreparedStatement p = Store.prepare(c, "SELECT check_name, message FROM check_failure"
                    + " WHERE student = ? AND exercise = ? AND at = ?", student, e.getKey(), e.getValue().at().toEpochMilli());
                 ResultSet r = p.executeQuery()) {
                while (r.next()) e.getValue().failed().add(new Failure(r.getString(1), r.getString(2)));
            }
        }
        out.replaceAll((k, v) -> new LastCheck(v.at(), v.passed(), List.copyOf(v.failed())));
        return out;
    }

    private static int memberCount(Connection c, String classroom) throws SQLException {
        try (PreparedStatement p = Store.prepare(c, "SELECT COUNT(*) FROM class_member WHERE classroom = ?", classroom);
             ResultSet r = p.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static List<Stuck> stuck(Connection c, String classroom, long now) throws SQLException {
        List<Stuck> out = new ArrayList<>();
        try (PreparedStatement p = Store.prepare(c, "SELECT m.member, a.display_name, x.item, COUNT(*), MIN(x.at)"
                + " FROM activity x JOIN class_member m ON m.student = x.student AND m.classroom = ?"
                + " JOIN student_account a ON a.student = x.student"
                + " WHERE x.kind = 'check' AND x.ok = 0 AND NOT EXISTS (SELECT 1 FROM exercise_progress e"
                + "  WHERE e.student = x.student AND e.exercise = x.item AND e.first_passed_at IS NOT NULL)"
                + " GROUP BY m.member, a.display_name, x.item HAVING COUNT(*) >= ? AND MIN(x.at) <= ?"
                + " ORDER BY 5", classroom, STUCK_FAILURES, now - STUCK_AFTER.toMillis());
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(new Stuck(r.getString(1), r.getString(2), r.getString(3), r.getInt(4),
                        Instant.ofEpochMilli(r.getLong(5))));
            }
        }
        return out;
    }

    /** The class's roster, or only the given member's row when {@code member} is not null. */
    private static List<RosterRow> roster(Connection c, String classroom, String member) throws SQLException {
        List<RosterRow> out = new ArrayList<>();
        try (PreparedStatement p = Store.prepare(c, "SELECT m.member, a.display_name, m.joined_at,"
                + " (SELECT MAX(x.at) FROM activity x WHERE x.student = m.student),"
                + " (SELECT COUNT(*) FROM lesson_visit v WHERE v.student = m.student),"
                + " (SELECT COUNT(DISTINCT x.item) FROM activity x WHERE x.student = m.student AND x.kind = 'run'),"
                + " (SELECT COUNT(*) FROM exercise_progress e WHERE e.student = m.student AND e.first_passed_at IS NOT NULL),"
                + " (SELECT COALESCE(SUM(e.attempts), 0) FROM exercise_progress e WHERE e.student = m.student)"
                + " FROM class_member m JOIN student_account a ON a.student = m.student"
                + " WHERE m.classroom = ?" + (member == null ? "" : " AND m.member = ?") + " ORDER BY a.display_name, m.member",
                member == null ? new Object[] {classroom} : new Object[] {classroom, member});
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                long last = r.getLong(4);
                Instant lastActive = r.wasNull() ? null : Instant.ofEpochMilli(last);
                out.add(new RosterRow(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)), lastActive,
                        r.getInt(5), r.getInt(6), r.getInt(7), r.getInt(8)));
            }
        }
        return out;
    }

    private static Map<String, Integer> counts(Connection c, String sql, String classroom) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (PreparedStatement p = Store.prepare(c, sql, classroom); ResultSet r = p.executeQuery()) {
            while (r.next()) out.put(r.getString(1), r.getInt(2));
        }
        return out;
    }

    private static String clip(String text) {
        if (text == null) return "";
        String one = text.strip();
        return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT - 1) + "…";
    }
}
