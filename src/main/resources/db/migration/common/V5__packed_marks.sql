-- marks.csv is staged packed: a student's consecutive marks of an import chunk in one row, line the first one's,
-- entries how many, marks "line matiere session exam cc tp" separated by ';' (org.delib.importing.StagedMarks).
-- A row each was most of the import's time on H2. The rows a run left staged (a run to be restarted) are kept,
-- one packed row each.
CREATE TABLE delib_mark_packed (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    entries INT NOT NULL,
    marks VARCHAR NOT NULL
);
INSERT INTO delib_mark_packed (run_id, line, student_id, entries, marks)
    SELECT run_id, line, student_id, 1, CONCAT_WS(' ', CAST(line AS VARCHAR(20)), matiere, session, exam, cc, tp)
    FROM delib_mark;
DROP TABLE delib_mark;
ALTER TABLE delib_mark_packed RENAME TO delib_mark;
CREATE INDEX delib_mark_key ON delib_mark (run_id, student_id, line);
