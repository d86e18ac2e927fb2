-- Test fixture: a second migration, as the playground feature might add. It reads V1's data,
-- so the test proves it runs after V1 against an existing database.
CREATE TABLE test_playground (
    student TEXT NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (student, name)
);
INSERT INTO test_playground (student, name) SELECT DISTINCT student, 'scratch; default' FROM lesson_visit;
