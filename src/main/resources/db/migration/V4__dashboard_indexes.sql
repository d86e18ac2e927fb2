-- V4: the instructor's dashboard reads a class's activity student by student and kind. With V3's index alone
-- (student, at) each of its queries read every row of every member's activity from the table; this one holds
-- all of activity's columns, ordered so that each query reads only index entries, and only those it counts:
--   lessons run, and the roster's lessons run:  student, kind = 'run'   -> item
--   compile errors:                            student, kind = 'run'   -> detail <> '', item
--   stuck students:                            student, kind = 'check' -> item, ok = 0, at
--   one student's last check of each exercise: student, kind = 'check' -> item, at
-- (V3's index still serves a student's latest activity.)
CREATE INDEX activity_student_kind ON activity (student, kind, detail, item, ok, at);
