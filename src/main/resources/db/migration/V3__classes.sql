-- V3: teaching a class. Instructors make classes; a student joins one with its code and gets an account (a
-- display name, a sign-in link and a recovery code) so that their progress follows them to another browser.
-- Self-study needs none of this: a student without an account is the anonymous cookie of V1.
--
-- Secrets (sign-in tokens, recovery codes, sessions) are stored only as SHA-256 hex digests.
-- A student's cookie id never leaves the server in an instructor's view: the roster names a member by `member`.
-- `activity` and `check_failure` are written only for students with an account, for the live dashboard.

CREATE TABLE instructor (
    id          TEXT   NOT NULL PRIMARY KEY,
    name        TEXT   NOT NULL UNIQUE,
    signin_hash TEXT   NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL
);

CREATE TABLE instructor_session (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    instructor TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE classroom (
    id         TEXT   NOT NULL PRIMARY KEY,
    instructor TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    join_code  TEXT   NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE student_account (
    student       TEXT   NOT NULL PRIMARY KEY,
    display_name  TEXT   NOT NULL,
    signin_hash   TEXT   NOT NULL UNIQUE,
    recovery_hash TEXT   NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL
);

CREATE TABLE class_member (
    classroom TEXT   NOT NULL,
    student   TEXT   NOT NULL,
    member    TEXT   NOT NULL UNIQUE,  -- the id an instructor's pages use for this student in this class
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (classroom, student)
);
CREATE INDEX class_member_student ON class_member (student);

CREATE TABLE activity (
    student TEXT    NOT NULL,
    at      BIGINT  NOT NULL,
    kind    TEXT    NOT NULL,  -- 'run' (a lesson cell; item = lesson) or 'check' (item = exercise)
    item    TEXT    NOT NULL,
    ok      INTEGER NOT NULL,  -- 1: the run finished without error / the check passed
    detail  TEXT    NOT NULL   -- a run's first compile error, else ''
);
CREATE INDEX activity_student ON activity (student, at);

CREATE TABLE check_failure (
    student    TEXT   NOT NULL,
    at         BIGINT NOT NULL,
    exercise   TEXT   NOT NULL,
    check_name TEXT   NOT NULL,
    message    TEXT   NOT NULL
);
CREATE INDEX check_failure_student ON check_failure (student, exercise, at);
