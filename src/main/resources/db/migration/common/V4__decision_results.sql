-- Each student's element results, packed, with their decision: the documents and the ranking read a student in one
-- row instead of one per element (org.delib.deliberation.PackedResults). delib_result keeps the element rows of the
-- final deliberations, which later years and recours query.
ALTER TABLE delib_decision ADD COLUMN results VARCHAR;
