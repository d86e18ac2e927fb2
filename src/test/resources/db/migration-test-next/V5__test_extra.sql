-- Test fixture: a later migration, as a future feature might add. It reads earlier's data,
-- so the test proves it runs after the shipped ones against an existing database.
CREATE TABLE test_playground (
    student TEXT NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (student, name)
);
INSERT INTO test_playground (student, name) SELECT DISTINCT student, 'scratch; default' FROM lesson_visit;
