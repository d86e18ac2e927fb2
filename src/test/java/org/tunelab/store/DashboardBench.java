package org.tunelab.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Times what an instructor's pages read from a full class: the live dashboard ({@link ClassActivity#view}, polled
 * every 3 s), one student ({@link ClassActivity#student}) and the gradebook ({@link ClassActivity#grades}). It fills
 * an empty database with one class of 200 students over 14 lessons and 24 exercises, each student having opened
 * most lessons, run ~30 cells in each (some not compiling) and checked most exercises 1-6 times (some failing), plus
 * two more such classes as noise; then prints, for the database, the median and p95 of 50 calls of each after a
 * warm-up. Run after {@code mvn test-compile} and
 * {@code mvn -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.tunelab.store.DashboardBench [jdbcUrl user password]</pre>
 * Without a URL it uses a SQLite file in a temp folder. A PostgreSQL database must be empty: give a new schema,
 * e.g. {@code jdbc:postgresql://127.0.0.1/tunelab_test?currentSchema=bench} after {@code CREATE SCHEMA bench}.
 */
public final class DashboardBench {
    private static final int CLASSES = 3;             // the first is timed; the others are other instructors' noise
    private static final int STUDENTS = 200;          // per class
    private static final int LESSONS = 14;
    private static final int EXERCISES = 24;
    private static final int CALLS = 50;
    private static final int WARM_UP = 10;
    private static final long DAY = 24 * 3600 * 1000L;

    private static final String[] COMPILE_ERRORS = {
        "cannot find symbol (symbol: variable temperature)", "cannot find symbol (symbol: method tokens(String))",
        "';' expected", "incompatible types: possible lossy conversion from double to int",
        "incompatible types: String cannot be converted to int", "missing return statement",
        "variable x is already defined in method main(String[])", "unreachable statement",
        "class, interface, enum, or record expected", "')' expected", "illegal start of expression",
        "non-static method generate() cannot be referenced from a static context",
    };
    private static final String[] CHECKS = {"compiles", "empty input", "one token", "adds up", "rounds", "order kept"};

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:sqlite:" + Files.createTempDirectory("dashboard-bench").resolve("bench.db");
        String user = args.length > 1 ? args[1] : null;
        String password = args.length > 2 ? args[2] : null;

        try (Store store = Store.open(url, user, password)) {
            long started = System.nanoTime();
            List<Classes.Classroom> classes = new ArrayList<>();
            List<List<String>> members = new ArrayList<>();  // per class, the member ids an instructor's pages use
            Sizes sizes = fill(store, url, user, password, classes, members);
            System.err.printf("filled %s in %.0f s%n", Database.redact(url), (System.nanoTime() - started) / 1e9);

            String timed = classes.get(0).id();
            List<String> timedMembers = members.get(0);
            ClassActivity.ClassView view = store.activity().view(timed);
            if (view.students() != STUDENTS || view.opened().size() != LESSONS || view.exercises().size() != EXERCISES) {
                throw new IllegalStateException("bench: the class's view is not what was filled: " + view.students()
                        + " students, " + view.opened().size() + " lessons, " + view.exercises().size() + " exercises");
            }
            Random pick = new Random(7);
            String viewTimes = time(() -> store.activity().view(timed));
            String studentTimes = time(() -> store.activity().student(timed,
                    timedMembers.get(pick.nextInt(timedMembers.size()))).orElseThrow());
            String gradeTimes = time(() -> store.activity().grades(timed));
            System.out.printf("%s: %d classes x %d students, %d lessons, %d exercises; %,d activity, %,d check_failure,"
                            + " %,d lesson_visit, %,d exercise_progress rows | view %s | student %s | grades %s%n",
                    url.startsWith("jdbc:sqlite:") ? "SQLite" : "PostgreSQL", CLASSES, STUDENTS, LESSONS, EXERCISES,
                    sizes.activity, sizes.failures, sizes.visits, sizes.progress, viewTimes, studentTimes, gradeTimes);
        }
    }

    /** Median and p95 of {@link #CALLS} calls, after {@link #WARM_UP}. */
    private static String time(Supplier<?> call) {
        for (int i = 0; i < WARM_UP; i++) call.get();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            call.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(millis);
        return String.format("median %.1f ms, p95 %.1f ms", millis.get(CALLS / 2), millis.get((int) (CALLS * 0.95)));
    }

    // ---------------------------------------------------------------- filling

    private static final class Sizes {
        long activity;
        long failures;
        long visits;
        long progress;
    }

    /**
     * Classes and accounts through {@link Classes}, as students make them; their activity straight into the tables
     * in batches (the same rows {@link Store} and {@link ClassActivity} write), since a transaction per run would
     * take the better part of an hour on PostgreSQL.
     */
    private static Sizes fill(Store store, String url, String user, String password,
                              List<Classes.Classroom> classes, List<List<String>> members) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM classroom")) {
                r.next();
                if (r.getInt(1) != 0) {
                    throw new IllegalStateException("bench: " + Database.redact(url) + " already has classes;"
                            + " give an empty database (PostgreSQL: a new schema, ?currentSchema=...)");
                }
            }
        }
        Random random = new Random(42);
        List<String> students = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            String instructor = store.classes().createInstructor("Instructor " + k).orElseThrow().instructor().id();
            Classes.Classroom classroom = store.classes().createClass(instructor, "Class " + k);
            classes.add(classroom);
            List<String> memberIds = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                String student = UUID.randomUUID().toString();
                memberIds.add(store.classes().join(student, classroom.joinCode(), "Student " + k + "-" + i)
                        .orElseThrow().member());
                students.add(student);
            }
            members.add(memberIds);
        }

        long now = System.currentTimeMillis();
        Sizes sizes = new Sizes();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement visit = c.prepareStatement(
                         "INSERT INTO lesson_visit (student, lesson, first_visited_at) VALUES (?, ?, ?)");
                 PreparedStatement activity = c.prepareStatement(
                         "INSERT INTO activity (student, at, kind, item, ok, detail) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement failure = c.prepareStatement("INSERT INTO check_failure"
                         + " (student, at, exercise, check_name, message) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement progress = c.prepareStatement("INSERT INTO exercise_progress"
                         + " (student, exercise, attempts, first_passed_at, hints_shown) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement code = c.prepareStatement(
                         "INSERT INTO exercise_code (student, exercise, code, saved_at) VALUES (?, ?, ?, ?)")) {
                for (int from = 0; from < students.size(); from += STUDENTS) {
                    for (String student : students.subList(from, from + STUDENTS)) {
                        // A student works through the course over the last week, lessons and exercises interleaved.
                        long at = now - 7 * DAY + random.nextInt((int) (DAY / 1000)) * 1000L;
                        int exercise = 0;
                        for (int l = 0; l < LESSONS; l++) {
                            if (random.nextDouble() < 0.85) {
                                String lesson = String.format("%02d-lesson", l + 1);
                                at += 60_000 + random.nextInt(600_000);
                                add(visit, student, lesson, at);
                                sizes.visits++;
                                int runs = 20 + random.nextInt(21);
                                for (int r = 0; r < runs; r++) {
                                    at += 5_000 + random.nextInt(60_000);
                                    double roll = random.nextDouble();
                                    String detail = roll < 0.12 ? COMPILE_ERRORS[random.nextInt(COMPILE_ERRORS.length)] : "";
                                    add(activity, student, at, "run", lesson, roll < 0.17 ? 0 : 1, detail);
                                    sizes.activity++;
                                }
                            }
                            for (int e = exercise; e < (l + 1) * EXERCISES / LESSONS; e++) {
                                exercise = e + 1;
                                if (random.nextDouble() > 0.8) continue;
                                String slug = String.format("ex-%02d", e + 1);
                                int checks = 1 + random.nextInt(6);
                                boolean passes = random.nextDouble() < 0.75;
                                Long passedAt = null;
                                for (int k = 0; k < checks; k++) {
                                    at += 30_000 + random.nextInt(300_000);
                                    boolean passed = passes && k == checks - 1;
                                    add(activity, student, at, "check", slug, passed ? 1 : 0, "");
                                    sizes.activity++;
                                    if (passed) {
                                        passedAt = at;
                                    } else {
                                        int failed = 1 + random.nextInt(3);
                                        for (int f = 0; f < failed; f++) {
                                            String check = CHECKS[(e + f + random.nextInt(2)) % CHECKS.length];
                                            add(failure, student, at, slug, check, check + ": expected 3 but was " + f);
                                            sizes.failures++;
                                        }
                                    }
                                }
                                add(progress, student, slug, checks, passedAt, random.nextInt(3));
                                sizes.progress++;
                                add(code, student, slug, "int answer(String s) {\n    return s.length(); // try " + checks
                                        + "\n}\n", at);
                            }
                        }
                    }
                    for (PreparedStatement p : List.of(visit, activity, failure, progress, code)) p.executeBatch();
                    c.commit();
                }
            }
            if (url.startsWith("jdbc:postgresql:")) {
                // What autovacuum does within a minute of such a load: statistics for the planner, and a visibility
                // map so that index-only scans need not visit the table.
                c.setAutoCommit(true);
                try (var s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE lesson_visit, activity, check_failure, exercise_progress, exercise_code,"
                            + " class_member, student_account");
                }
            }
        }
        return sizes;
    }

    private static void add(PreparedStatement p, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) p.setNull(i + 1, Types.BIGINT);
            else if (v instanceof String s) p.setString(i + 1, s);
            else if (v instanceof Integer n) p.setInt(i + 1, n);
            else if (v instanceof Long n) p.setLong(i + 1, n);
            else throw new IllegalArgumentException("cannot bind " + v.getClass());
        }
        p.addBatch();
    }
}
