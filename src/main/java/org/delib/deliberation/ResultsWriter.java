package org.delib.deliberation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.delib.importing.InputFile;
import org.delib.rules.ElementResult;
import org.delib.rules.StudentResult;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps each student's results and decision in the database, one version per run (recours and later years read
 * them), and turns refused rachats into rejects of jury.csv — all in the chunk's transaction.
 */
public class ResultsWriter implements ItemWriter<StudentResult> {

    private final JdbcTemplate jdbc;
    private final long runId;
    private final String juryFile;

    public ResultsWriter(JdbcTemplate jdbc, long runId, String juryFile) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.juryFile = juryFile;
    }

    @Override
    public void write(Chunk<? extends StudentResult> chunk) {
        List<Object[]> results = new ArrayList<>();
        List<Object[]> decisions = new ArrayList<>();
        List<Object[]> refused = new ArrayList<>();
        for (StudentResult r : chunk) {
            String id = r.student().id();
            List<ElementResult> all = new ArrayList<>(r.elements());
            all.add(r.year());
            for (ElementResult e : all) {
                results.add(new Object[] {runId, id, e.code(), e.kind().name(), e.mark(), e.result().name(),
                        e.credits(), e.session()});
            }
            decisions.add(new Object[] {runId, id, r.student().level(), r.year().mark(), r.year().credits(),
                    r.decision().name(), r.nextLevel(), String.join("|", r.debts())});
            for (Map.Entry<String, String> e : r.refusedRachats().entrySet()) {
                refused.add(new Object[] {InputFile.JURY.ordinal(), juryFile, e.getValue(), runId, id, e.getKey()});
            }
        }
        jdbc.batchUpdate("INSERT INTO delib_result (run_id, student_id, element, kind, mark, result, credits, session) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", results);
        jdbc.batchUpdate("INSERT INTO delib_decision (run_id, student_id, level, year_mark, year_credits, decision, "
                + "next_level, debts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", decisions);
        if (!refused.isEmpty()) {
            // RULES §12.16: a rachat on an element that is not AJ is rejected with the reason.
            jdbc.batchUpdate("INSERT INTO delib_reject (run_id, file_seq, file, line, col, val, reason) "
                    + "SELECT j.run_id, ?, ?, j.line, 'element', j.element, ? FROM delib_jury j "
                    + "WHERE j.run_id = ? AND j.student_id = ? AND j.element = ?", refused);
            // …and no longer counts as accepted, so that read = accepted + rejected still holds for jury.csv.
            jdbc.batchUpdate("DELETE FROM delib_jury WHERE run_id = ? AND student_id = ? AND element = ?",
                    refused.stream().map(r -> new Object[] {r[3], r[4], r[5]}).toList());
        }
    }
}
