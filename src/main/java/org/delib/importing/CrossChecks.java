package org.delib.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks that need every row of a file: duplicate keys (the later row is rejected, RULES §12.18) and
 * replacement rows without a justified session-1 exam absence (§12.2). Set-based SQL on the staged tables, and a
 * pass over the packed marks ({@link StagedMarks#crossCheck}), run in one transaction: a restart redoes all of it
 * or none.
 */
public final class CrossChecks {

    private static final Map<InputFile, List<String>> KEYS = Map.of(
            InputFile.STUDENTS, List.of("student_id"),
            InputFile.ATTENDANCE, List.of("student_id", "matiere"),
            InputFile.SANCTIONS, List.of("student_id", "element", "sanction"),
            InputFile.JURY, List.of("student_id", "element"),
            InputFile.HISTORY, List.of("student_id", "academic_year", "element"),
            InputFile.WISHES, List.of("student_id", "rank"),
            InputFile.PFE, List.of("student_id"));

    private CrossChecks() {}

    public static void run(JdbcTemplate jdbc, long runId, Map<InputFile, Path> files) {
        for (InputFile file : InputFile.values()) {
            if (files.get(file) != null && KEYS.containsKey(file)) {
                duplicates(jdbc, runId, file, files.get(file).getFileName().toString());
            }
        }
        StagedMarks.crossCheck(jdbc, runId, files.get(InputFile.MARKS).getFileName().toString());
    }

    private static void duplicates(JdbcTemplate jdbc, long runId, InputFile file, String fileName) {
        List<String> key = KEYS.get(file);
        String sameKey = key.stream().map(k -> "o." + k + " = d." + k).collect(Collectors.joining(" AND "));
        String earlier = "FROM " + file.table() + " o WHERE o.run_id = d.run_id AND " + sameKey;
        String duplicate = "d.run_id = ? AND EXISTS (SELECT 1 " + earlier + " AND o.line < d.line)";
        // Whether there is any, in one pass along the key's index: a lookup of an earlier row for each row took
        // three times as long (for a million marks, when they were staged a row each).
        if (jdbc.queryForList("SELECT 1 FROM " + file.table() + " WHERE run_id = ? GROUP BY run_id, "
                + String.join(", ", key) + " HAVING COUNT(*) > 1 FETCH FIRST 1 ROWS ONLY", runId).isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO delib_reject (run_id, file_seq, file, line, col, val, reason) "
                + "SELECT d.run_id, ?, ?, d.line, ?, d." + key.get(0) + ", CONCAT('duplicate of line ', "
                + "CAST((SELECT MIN(o.line) " + earlier + ") AS VARCHAR(20)), ' (same " + String.join(", ", key)
                + "); the later row is rejected') FROM " + file.table() + " d WHERE " + duplicate,
                file.ordinal(), fileName, key.get(0), runId);
        jdbc.update("DELETE FROM " + file.table() + " d WHERE " + duplicate, runId);
    }
}
