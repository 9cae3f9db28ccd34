package org.delib.importing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staging tables' upkeep: statistics after the imports, and a published run's staged inputs and rejects
 * dropped. On H2, deleting a million staged marks took 20–30 s and held them all in the transaction's undo log;
 * emptying the table takes a fraction of a second. So a table is emptied whole when it holds this run's rows only
 * and no other run is under way (which could be adding rows to it), and otherwise its rows are deleted: on
 * PostgreSQL in one statement, on H2 by slices that keep the undo log small.
 */
public final class StagedInputs {

    private static final int SLICE = 20_000;

    private StagedInputs() {}

    /**
     * Gives PostgreSQL's planner statistics of the rows just staged: until autovacuum comes by, the queries of the
     * next steps were planned blind (in a 1M-mark run, the first partition of deliberate took 35 s, the others 8–13).
     */
    public static void analyze(JdbcTemplate jdbc) {
        analyze(jdbc, tables());
    }

    /** Gives PostgreSQL's planner statistics of {@code tables}, after a step that filled them. */
    public static void analyze(JdbcTemplate jdbc, List<String> tables) {
        if (isPostgres(jdbc)) {
            jdbc.execute("ANALYZE " + String.join(", ", tables));
        }
    }

    public static void drop(JdbcTemplate jdbc, long runId) {
        boolean postgres = isPostgres(jdbc);
        List<String> tables = tables();
        if (postgres) {
            // Other runs' imports wait for this transaction: none can add a row between the check and the TRUNCATE.
            jdbc.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
        }
        boolean alone = !otherRunUnderWay(jdbc, runId);
        for (String table : tables) {
            if (alone && jdbc.queryForList("SELECT 1 FROM " + table + " WHERE run_id <> ? FETCH FIRST 1 ROWS ONLY",
                    runId).isEmpty()) {
                jdbc.execute("TRUNCATE TABLE " + table);
            } else if (postgres) {
                jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
            } else {
                while (jdbc.update("DELETE FROM " + table + " WHERE run_id = ? FETCH FIRST " + SLICE + " ROWS ONLY",
                        runId) > 0) {
                    // another slice
                }
            }
        }
    }

    /** Whether the database is PostgreSQL (else the embedded H2). */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase()
                .contains("postgres"));
    }

    /** The staging tables and the rejects. */
    private static List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (InputFile f : InputFile.values()) {
            tables.add(f.table());
        }
        tables.add("delib_reject");
        return tables;
    }

    /** Whether the job repository shows another job execution than this run's starting or running. */
    private static boolean otherRunUnderWay(JdbcTemplate jdbc, long runId) {
        return !jdbc.queryForList("SELECT 1 FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED', "
                + "'STOPPING') AND JOB_INSTANCE_ID <> ? FETCH FIRST 1 ROWS ONLY", runId).isEmpty();
    }
}
