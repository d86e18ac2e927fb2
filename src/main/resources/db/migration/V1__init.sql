-- V1: student progress and saved editor contents.
--
-- Portable between SQLite and PostgreSQL: TEXT keys, INTEGER counts, and times as
-- BIGINT milliseconds since the epoch (UTC) because SQLite has no timestamp type.
-- Every table is keyed by student first, so one student's rows sit together.
-- To change the schema, add V2__what.sql beside this file; never edit an applied file.

CREATE TABLE lesson_visit (
    student          TEXT    NOT NULL,
    lesson           TEXT    NOT NULL,
    first_visited_at BIGINT  NOT NULL,
    PRIMARY KEY (student, lesson)
);

CREATE TABLE cell_code (
    student  TEXT   NOT NULL,
    lesson   TEXT   NOT NULL,
    cell_id  TEXT   NOT NULL,
    code     TEXT   NOT NULL,
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (student, lesson, cell_id)
);

CREATE TABLE exercise_code (
    student  TEXT   NOT NULL,
    exercise TEXT   NOT NULL,
    code     TEXT   NOT NULL,
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (student, exercise)
);

CREATE TABLE exercise_progress (
    student         TEXT    NOT NULL,
    exercise        TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    first_passed_at BIGINT,             -- NULL until the first passing check
    hints_shown     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (student, exercise)
);
