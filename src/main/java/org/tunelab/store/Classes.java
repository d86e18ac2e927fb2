package org.tunelab.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Instructors, their classes, and the students who join them (get one from {@link Store#classes()}).
 *
 * <pre>{@code
 * Classes classes = store.classes();
 * Classes.NewInstructor ada = classes.createInstructor("Ada").orElseThrow();
 * Classes.Classroom ml = classes.createClass(ada.instructor().id(), "ML 101");
 * Classes.Joined ann = classes.join("ann-cookie-id", ml.joinCode(), "Ann").orElseThrow();
 * classes.studentBySignin(ann.credentials().signinToken());   // Optional.of("ann-cookie-id")
 * }</pre>
 *
 * A student's account is their anonymous cookie id given a display name and two secrets: a sign-in token (the
 * link that signs them in on another browser) and a recovery code (short enough to write down). Secrets and
 * sessions are kept as SHA-256 digests only. An instructor's view names a student by a per-class {@code member}
 * id, never by the cookie id, which is the student's credential. An LTI launch can later map its user onto an
 * account and its context onto a classroom without changing these tables' keys.
 */
public final class Classes {
    /** Letters and digits that cannot be misread (no I, O, 0, 1): join and recovery codes are typed by hand. */
    private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final char[] ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int JOIN_CODE_LENGTH = 6;
    private static final int RECOVERY_LENGTH = 12;
    /** An instructor's session lasts a term's month. */
    static final Duration SESSION = Duration.ofDays(30);

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Classes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Instructor(String id, String name) {
    }

    /** A new instructor and the token of their personal sign-in link (shown once, stored as a digest). */
    public record NewInstructor(Instructor instructor, String signinToken) {
    }

    public record Classroom(String id, String instructor, String name, String joinCode, Instant createdAt,
                            int students) {
    }

    /** What a student writes down: the token of their sign-in link and their recovery code. */
    public record Credentials(String signinToken, String recoveryCode) {
    }

    /**
     * A student in a class.
     *
     * @param credentials new secrets when this join created the account, else null (the old ones still work)
     */
    public record Joined(Classroom classroom, String name, String member, boolean alreadyMember,
                         Credentials credentials) {
    }

    /** A class a student belongs to, as the student sees it. */
    public record Membership(String classroom, String className, String joinCode, Instant joinedAt) {
    }

    /** A student's account: their name and classes. */
    public record Account(String name, List<Membership> classes) {
    }

    // ---------------------------------------------------------------- instructors

    /** A new instructor, or empty if one of that name exists (they sign in with their own link). */
    public Optional<NewInstructor> createInstructor(String name) {
        String clean = displayName(name, "instructor name");
        String id = "i_" + randomId(10);
        String token = token();
        return db.transaction("createInstructor(" + clean + ")", c -> {
            if (exists(c, "SELECT 1 FROM instructor WHERE name = ?", clean)) {
                return Optional.<NewInstructor>empty();
            }
            Store.update(c, "INSERT INTO instructor (id, name, signin_hash, created_at) VALUES (?, ?, ?, ?)",
                    id, clean, digest(token), clock.millis());
            return Optional.of(new NewInstructor(new Instructor(id, clean), token));
        });
    }

    /**
     * A new personal sign-in token for the named instructor, created if new: for the server's operator, who
     * may sign anyone in ({@code tunelab instructor-link}). The instructor's previous link stops working.
     */
    public NewInstructor resetInstructorLink(String name) {
        String clean = displayName(name, "instructor name");
        String token = token();
        return db.transaction("resetInstructorLink(" + clean + ")", c -> {
            Optional<Instructor> found = instructorWhere(c, "name = ?", clean);
            if (found.isPresent()) {
                Store.update(c, "UPDATE instructor SET signin_hash = ? WHERE id = ?", digest(token), found.get().id());
                return new NewInstructor(found.get(), token);
            }
            String id = "i_" + randomId(10);
            Store.update(c, "INSERT INTO instructor (id, name, signin_hash, created_at) VALUES (?, ?, ?, ?)",
                    id, clean, digest(token), clock.millis());
            return new NewInstructor(new Instructor(id, clean), token);
        });
    }

    public Optional<Instructor> instructorBySignin(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return db.read("instructorBySignin", c -> instructorWhere(c, "signin_hash = ?", digest(token)));
    }

    /** A new session for the instructor; the returned token goes in their cookie. */
    public String startSession(String instructorId) {
        String token = token();
        long now = clock.millis();
        db.transaction("startSession(" + instructorId + ")", c -> {
            Store.update(c, "DELETE FROM instructor_session WHERE expires_at < ?", now);
            return Store.update(c, "INSERT INTO instructor_session (token_hash, instructor, expires_at) VALUES (?, ?, ?)",
                    digest(token), instructorId, now + SESSION.toMillis());
        });
        return token;
    }

    public Optional<Instructor> instructorBySession(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return db.read("instructorBySession", c -> {
            try (PreparedStatement p = Store.prepare(c, "SELECT i.id, i.name FROM instructor_session s"
                    + " JOIN instructor i ON i.id = s.instructor WHERE s.token_hash = ? AND s.expires_at > ?",
                    digest(token), clock.millis());
                 ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new Instructor(r.getString(1), r.getString(2))) : Optional.<Instructor>empty();
            }
        });
    }

    public void endSession(String token) {
        if (token == null || token.isBlank()) return;
        db.transaction("endSession", c -> Store.update(c, "DELETE FROM instructor_session WHERE token_hash = ?", digest(token)));
    }

    // ---------------------------------------------------------------- classes

    public Classroom createClass(String instructorId, String name) {
        Store.require(instructorId, "instructor");
        String clean = displayName(name, "class name");
        long now = clock.millis();
        String id = "c_" + randomId(10);
        return db.transaction("createClass(" + instructorId + ")", c -> {
            String code;
            do {
                code = code(JOIN_CODE_LENGTH);
            } while (exists(c, "SELECT 1 FROM classroom WHERE join_code = ?", code));
            Store.update(c, "INSERT INTO classroom (id, instructor, name, join_code, created_at) VALUES (?, ?, ?, ?, ?)",
                    id, instructorId, clean, code, now);
            return new Classroom(id, instructorId, clean, code, Instant.ofEpochMilli(now), 0);
        });
    }

    /** The instructor's classes, newest first. */
    public List<Classroom> classesOf(String instructorId) {
        return db.read("classesOf(" + instructorId + ")", c -> classrooms(c, "c.instructor = ?", instructorId));
    }

    /** The class with this id if it belongs to this instructor; empty for anyone else's class. */
    public Optional<Classroom> classOf(String instructorId, String classId) {
        return db.read("classOf(" + instructorId + ", " + classId + ")",
                c -> classrooms(c, "c.instructor = ? AND c.id = ?", instructorId, classId).stream().findFirst());
    }

    // ---------------------------------------------------------------- students

    /**
     * Puts the student in the class with this join code (any case, spaces and dashes ignored), creating their
     * account on the first class they join. Empty if no class has that code.
     */
    public Optional<Joined> join(String student, String joinCode, String name) {
        Store.require(student, "student");
        String clean = displayName(name, "name");
        String code = normalizeCode(joinCode);
        long now = clock.millis();
        Credentials fresh = new Credentials(token(), recoveryCode());
        return db.transaction("join(" + student + ")", c -> {
            List<Classroom> found = classrooms(c, "c.join_code = ?", code);
            if (found.isEmpty()) {
                return Optional.<Joined>empty();
            }
            Classroom classroom = found.get(0);
            Credentials created = null;
            if (exists(c, "SELECT 1 FROM student_account WHERE student = ?", student)) {
                Store.update(c, "UPDATE student_account SET display_name = ? WHERE student = ?", clean, student);
            } else {
                Store.update(c, "INSERT INTO student_account (student, display_name, signin_hash, recovery_hash,"
                        + " created_at) VALUES (?, ?, ?, ?, ?)", student, clean, digest(fresh.signinToken()),
                        digest(normalizeCode(fresh.recoveryCode())), now);
                created = fresh;
            }
            Optional<String> member = memberOf(c, classroom.id(), student);
            if (member.isPresent()) {
                return Optional.of(new Joined(classroom, clean, member.get(), true, created));
            }
            String newMember = "m_" + randomId(10);
            Store.update(c, "INSERT INTO class_member (classroom, student, member, joined_at) VALUES (?, ?, ?, ?)",
                    classroom.id(), student, newMember, now);
            return Optional.of(new Joined(classroom, clean, newMember, false, created));
        });
    }

    /** The student whose sign-in link carries this token. */
    public Optional<String> studentBySignin(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return db.read("studentBySignin", c -> single(c, "SELECT student FROM student_account WHERE signin_hash = ?",
                digest(token)));
    }

    /** The student whose recovery code this is (any case, spaces and dashes ignored). */
    public Optional<String> studentByRecoveryCode(String code) {
        String clean = normalizeCode(code);
        if (clean.isEmpty()) return Optional.empty();
        return db.read("studentByRecoveryCode", c -> single(c,
                "SELECT student FROM student_account WHERE recovery_hash = ?", digest(clean)));
    }

    /** New secrets for an account (the old link and code stop working); empty for a student without one. */
    public Optional<Credentials> renewCredentials(String student) {
        Credentials fresh = new Credentials(token(), recoveryCode());
        return db.transaction("renewCredentials(" + student + ")", c -> {
            try (PreparedStatement p = Store.prepare(c, "UPDATE student_account SET signin_hash = ?, recovery_hash = ?"
                    + " WHERE student = ?", digest(fresh.signinToken()), digest(normalizeCode(fresh.recoveryCode())), student)) {
                return p.executeUpdate() == 0 ? Optional.<Credentials>empty() : Optional.of(fresh);
            }
        });
    }

    /** The student's name and classes; empty for an anonymous student. */
    public Optional<Account> account(String student) {
        return db.read("account(" + student + ")", c -> {
            Optional<String> name = single(c, "SELECT display_name FROM student_account WHERE student = ?", student);
            if (name.isEmpty()) {
                return Optional.<Account>empty();
            }
            List<Membership> classes = new ArrayList<>();
            try (PreparedStatement p = Store.prepare(c, "SELECT c.id, c.name, c.join_code, m.joined_at FROM class_member m"
                    + " JOIN classroom c ON c.id = m.classroom WHERE m.student = ? ORDER BY m.joined_at", student);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    classes.add(new Membership(r.getString(1), r.getString(2), r.getString(3),
                            Instant.ofEpochMilli(r.getLong(4))));
                }
            }
            return Optional.of(new Account(name.get(), List.copyOf(classes)));
        });
    }

    // ---------------------------------------------------------------- helpers

    /** Join and recovery codes as stored: upper case, letters and digits only. */
    static String normalizeCode(String code) {
        return code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /** A name as shown to others: trimmed, one line, 1 to 60 characters. */
    private static String displayName(String name, String what) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " is empty.");
        }
        if (clean.length() > 60) {
            throw new IllegalArgumentException("The " + what + " is longer than 60 characters.");
        }
        return clean;
    }

    private static Optional<String> memberOf(Connection c, String classroom, String student) throws SQLException {
        return single(c, "SELECT member FROM class_member WHERE classroom = ? AND student = ?", classroom, student);
    }

    private static List<Classroom> classrooms(Connection c, String where, Object... params) throws SQLException {
        List<Classroom> out = new ArrayList<>();
        try (PreparedStatement p = Store.prepare(c, "SELECT c.id, c.instructor, c.name, c.join_code, c.created_at,"
                + " (SELECT COUNT(*) FROM class_member m WHERE m.classroom = c.id) FROM classroom c WHERE " + where
                + " ORDER BY c.created_at DESC, c.id", params);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(new Classroom(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        Instant.ofEpochMilli(r.getLong(5)), r.getInt(6)));
            }
        }
        return out;
    }

    private static Optional<Instructor> instructorWhere(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement p = Store.prepare(c, "SELECT id, name FROM instructor WHERE " + where, value);
             ResultSet r = p.executeQuery()) {
            return r.next() ? Optional.of(new Instructor(r.getString(1), r.getString(2))) : Optional.empty();
        }
    }

    static Optional<String> single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = Store.prepare(c, sql, params); ResultSet r = p.executeQuery()) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    private static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = Store.prepare(c, sql, params); ResultSet r = p.executeQuery()) {
            return r.next();
        }
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String code(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(CODE_CHARS[random.nextInt(CODE_CHARS.length)]);
        return s.toString();
    }

    /** Twelve characters in groups of four, about 60 bits: too many to guess at a few tries a minute. */
    private String recoveryCode() {
        String raw = code(RECOVERY_LENGTH);
        return raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8);
    }

    private String randomId(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(ID_CHARS[random.nextInt(ID_CHARS.length)]);
        return s.toString();
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
