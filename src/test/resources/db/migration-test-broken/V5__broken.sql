-- Test fixture: the first statement works, the second fails; neither may stay applied.
CREATE TABLE half_done (x INTEGER);
INSERT INTO no_such_table (x) VALUES (1);
