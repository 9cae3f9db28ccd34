package org.delib.deliberation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.delib.importing.InputFile;
import org.delib.importing.Reject;
import org.delib.importing.StagedMarks;
import org.delib.rules.ElementResult;
import org.delib.rules.StudentResult;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps each student's results and decision in the database, one version per run: every run's packed with the
 * decision (the documents and the ranking read them back), and a final deliberation's also one row per element in
 * {@code delib_result} (recours and later years query them). Writing a row per element cost half the deliberation
 * on H2; the first session's results are read back whole, never queried element by element. It also turns the inputs the rules refused (a rachat on an element not AJ, a rattrapage mark without
 * convocation) into rejects of their file — all in the chunk's transaction.
 */
public class ResultsWriter implements ItemWriter<StudentResult> {

    private final JdbcTemplate jdbc;
    private final long runId;
    private final Map<InputFile, String> fileNames;
    private final boolean elementRows;

    /** {@code elementRows}: a final deliberation, whose results are also kept one row per element. */
    public ResultsWriter(JdbcTemplate jdbc, long runId, Map<InputFile, String> fileNames, boolean elementRows) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.fileNames = fileNames;
        this.elementRows = elementRows;
    }

    @Override
    public void write(Chunk<? extends StudentResult> chunk) {
        List<Object[]> results = new ArrayList<>();
        List<Object[]> decisions = new ArrayList<>();
        List<Object[]> rachats = new ArrayList<>();
        Map<String, Map<String, String>> rattrapages = new LinkedHashMap<>();
        for (StudentResult r : chunk) {
            String id = r.student().id();
            List<ElementResult> all = new ArrayList<>(r.elements());
            all.add(r.year());
            all.addAll(r.earlier()); // the earlier levels decided again: next year's history reads them
            if (elementRows) {
                for (ElementResult e : all) {
                    results.add(new Object[] {runId, id, e.code(), e.kind().name(), e.mark(), e.result().name(),
                            e.credits(), e.session()});
                }
            }
            decisions.add(new Object[] {runId, id, r.student().level(), r.year().mark(), r.year().credits(),
                    r.decision().name(), r.nextLevel(), String.join("|", r.debts()), PackedResults.pack(all)});
            for (StudentResult.Refusal refusal : r.refusals()) {
                if (refusal.kind() == StudentResult.Refusal.Kind.RACHAT) {
                    rachats.add(new Object[] {InputFile.JURY.ordinal(), fileNames.get(InputFile.JURY),
                            refusal.reason(), runId, id, refusal.element()});
                } else {
                    rattrapages.computeIfAbsent(id, k -> new HashMap<>()).put(refusal.element(), refusal.reason());
                }
            }
        }
        if (!results.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO delib_result (run_id, student_id, element, kind, mark, result, credits, "
                    + "session) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", results);
        }
        jdbc.batchUpdate("INSERT INTO delib_decision (run_id, student_id, level, year_mark, year_credits, decision, "
                + "next_level, debts, results) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", decisions);
        rejectRachats(rachats);
        // Rattrapage marks (session 2) without convocation.
        rattrapages.forEach((student, reasons) -> StagedMarks.reject(jdbc, runId, fileNames.get(InputFile.MARKS),
                student, m -> m.session().equals("2") && reasons.containsKey(m.matiere())
                        ? new Reject(InputFile.MARKS, fileNames.get(InputFile.MARKS), m.line(), "session",
                                m.session(), reasons.get(m.matiere()))
                        : null));
    }

    /**
     * Moves refused rows from their staging table to the rejects, so that read = accepted + rejected still holds
     * for their file.
     */
    private void rejectRachats(List<Object[]> refused) {
        if (refused.isEmpty()) {
            return;
        }
        String where = " WHERE d.run_id = ? AND d.student_id = ? AND d.element = ?";
        jdbc.batchUpdate("INSERT INTO delib_reject (run_id, file_seq, file, line, col, val, reason) "
                + "SELECT d.run_id, ?, ?, d.line, 'element', d.element, ? FROM delib_jury d" + where, refused);
        jdbc.batchUpdate("DELETE FROM delib_jury d" + where, refused.stream().map(r -> new Object[] {r[3], r[4], r[5]})
                .toList());
    }
}
