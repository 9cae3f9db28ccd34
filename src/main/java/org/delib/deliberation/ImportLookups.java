package org.delib.deliberation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the import steps check rows against, read from the database once per job execution instead of once per
 * step (that was 3 s for 64,000 students): each registered student's level, and the matières each owes from an
 * earlier level. Both are fixed once the students are staged: the earlier levels come from earlier runs, and the
 * files that name debts are imported before history.csv.
 */
public class ImportLookups {

    private final RunContext run;
    private final JdbcTemplate jdbc;
    private Map<String, String> levels;
    private Map<String, Set<String>> owed;

    public ImportLookups(RunContext run, JdbcTemplate jdbc) {
        this.run = run;
        this.jdbc = jdbc;
    }

    /** The level of each registered student, by id: the first row of a student given twice is the registration. */
    public synchronized Map<String, String> levels() {
        if (levels == null) {
            levels = new HashMap<>();
            jdbc.query("SELECT student_id, level FROM delib_student WHERE run_id = ? ORDER BY line", rs -> {
                levels.putIfAbsent(rs.getString(1), rs.getString(2));
            }, run.runId());
        }
        return levels;
    }

    /** The matières each student still owes from an earlier level, by student id. */
    public synchronized Map<String, Set<String>> owed() {
        if (owed == null) {
            owed = Histories.owed(jdbc, run.runId(), run.programme(), run.academicYear());
        }
        return owed;
    }

    /** Forgets both once the imports are done, so that the steps after them do not hold a map per student. */
    public synchronized void release() {
        levels = null;
        owed = null;
    }
}
