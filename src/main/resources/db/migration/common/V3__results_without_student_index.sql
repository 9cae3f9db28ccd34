-- Results are read by run and student range (the primary key); the index by student alone cost a third of the
-- writes of every result row and served no query.
DROP INDEX delib_result_student;
