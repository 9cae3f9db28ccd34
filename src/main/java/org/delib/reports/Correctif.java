package org.delib.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RULES §8, recours: a final deliberation run again after corrections publishes only the students whose results
 * changed since the previous version, and what changed. Both versions stay in the database.
 */
public final class Correctif {

    public static final String CHANGES = "changes.csv";
    private static final String RESULT_COLUMNS = "student_id, element, kind, mark, result, credits, session";
    private static final String DECISION_COLUMNS = "student_id, year_mark, year_credits, decision, next_level, debts";

    private Correctif() {}

    /**
     * Keeps in the staged decisions.csv and results.csv only the students whose results or decision differ between
     * run {@code previous} and run {@code current}, and writes changes.csv, element by element.
     */
    public static void apply(JdbcTemplate jdbc, long previous, long current, CsvOutput out, Path staging,
                             List<String> perStudentFiles) {
        Set<String> changed = changedStudents(jdbc, previous, current);
        for (String name : perStudentFiles) {
            keepOnly(staging.resolve(name), changed, out);
        }
        writeChanges(jdbc, previous, current, out, staging.resolve(CHANGES));
    }

    /** The run of the same final deliberation published before {@code runId}: the version a correctif amends. */
    public static long previousRun(JdbcTemplate jdbc, String job, String programme, String academicYear, long runId) {
        return jdbc.queryForObject("SELECT MAX(run_id) FROM delib_run WHERE job = ? AND programme = ? "
                + "AND academic_year = ? AND session = 2 AND run_id < ?", Long.class, job, programme, academicYear, runId);
    }

    /** The students whose results or decision differ between two runs. */
    public static Set<String> changedStudents(JdbcTemplate jdbc, long previous, long current) {
        Set<String> changed = new HashSet<>();
        for (String[] t : List.of(new String[] {"delib_result", RESULT_COLUMNS},
                new String[] {"delib_decision", DECISION_COLUMNS})) {
            String version = "SELECT " + t[1] + " FROM " + t[0] + " WHERE run_id = ?";
            changed.addAll(jdbc.queryForList("SELECT student_id FROM ((" + version + " EXCEPT " + version + ") UNION ("
                    + version + " EXCEPT " + version + ")) d", String.class, current, previous, previous, current));
        }
        return changed;
    }

    private static void keepOnly(Path file, Set<String> students, CsvOutput out) {
        if (!Files.exists(file)) {
            return; // published by an earlier attempt
        }
        Path kept = file.resolveSibling(file.getFileName() + ".kept");
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(out.separator()).get();
        try (Reader in = Files.newBufferedReader(file, out.charset());
             Writer w = Files.newBufferedWriter(kept, out.charset())) {
            boolean header = true;
            for (CSVRecord r : format.parse(in)) {
                if (header || students.contains(r.get(0))) { // student_id is every per-student file's first column
                    w.write(out.line(r.toList()) + out.lineEnd());
                }
                header = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot filter " + file, e);
        }
        try {
            Files.move(kept, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per element or decision that changed: before and after. */
    private static void writeChanges(JdbcTemplate jdbc, long previous, long current, CsvOutput out, Path file) {
        try (Writer w = Files.newBufferedWriter(file, out.charset())) {
            w.write(out.header(List.of("student_id", "element", "mark_before", "mark", "result_before", "result",
                    "credits_before", "credits")) + out.lineEnd());
            jdbc.query("SELECT c.student_id, c.element, p.mark, c.mark, p.result, c.result, p.credits, c.credits "
                    + "FROM delib_result c LEFT JOIN delib_result p ON p.run_id = ? AND p.student_id = c.student_id "
                    + "AND p.element = c.element WHERE c.run_id = ? AND (p.element IS NULL OR p.result <> c.result "
                    + "OR p.credits <> c.credits OR p.session <> c.session OR p.mark <> c.mark "
                    + "OR (p.mark IS NULL) <> (c.mark IS NULL)) ORDER BY c.student_id, c.element", rs -> {
                        try {
                            w.write(out.line(List.of(rs.getString(1), rs.getString(2), out.mark(rs.getBigDecimal(3)),
                                    out.mark(rs.getBigDecimal(4)), nullToEmpty(rs.getString(5)), rs.getString(6),
                                    rs.getBigDecimal(7) == null ? "" : out.credits(rs.getBigDecimal(7)),
                                    out.credits(rs.getBigDecimal(8)))) + out.lineEnd());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, previous, current);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
