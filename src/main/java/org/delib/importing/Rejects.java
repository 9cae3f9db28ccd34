package org.delib.importing;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rejected input rows of a run, kept in delib_reject until rejects.csv is published. */
public final class Rejects {

    private Rejects() {}

    public static void insert(JdbcTemplate jdbc, long runId, List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO delib_reject (run_id, file_seq, file, line, col, val, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rejects.stream().map(r -> new Object[] {runId, r.file().ordinal(), r.fileName(), r.line(), r.column(),
                        r.value(), r.reason()}).toList());
    }

    public static long count(JdbcTemplate jdbc, long runId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM delib_reject WHERE run_id = ?", Long.class, runId);
        return n == null ? 0 : n;
    }
}
