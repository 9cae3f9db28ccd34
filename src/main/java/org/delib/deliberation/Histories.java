package org.delib.deliberation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.delib.rules.History;
import org.delib.rules.Result;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Students' results of earlier years (RULES §12.14): history.csv rows staged for this run, and the results kept
 * by earlier final runs of the programme — for each year, from the latest final run that deliberated the student.
 */
public final class Histories {

    private Histories() {}

    /** Hands each history line of the students in ({@code after}, {@code to}] to {@code sink}, by student id. */
    static void load(JdbcTemplate jdbc, long runId, String programme, String academicYear, String after, String to,
                     BiConsumer<String, History.Line> sink) {
        jdbc.query("SELECT student_id, academic_year, element, mark, credits, result, session FROM delib_history "
                + "WHERE run_id = ? AND student_id > ? AND student_id <= ?",
                rs -> {
                    sink.accept(rs.getString(1), line(rs));
                }, runId, after, to);
        jdbc.query("SELECT r.student_id, u.academic_year, r.element, r.mark, r.credits, r.result, r.session "
                + "FROM delib_result r JOIN delib_run u ON u.run_id = r.run_id "
                + "WHERE u.programme = ? AND u.academic_year < ? AND u.session = 2 AND r.kind <> 'MATIERE' "
                + "AND r.student_id > ? AND r.student_id <= ? AND r.run_id = (SELECT MAX(v.run_id) FROM delib_run v "
                + "JOIN delib_decision d ON d.run_id = v.run_id WHERE d.student_id = r.student_id "
                + "AND v.programme = u.programme AND v.academic_year = u.academic_year AND v.session = 2)",
                rs -> {
                    sink.accept(rs.getString(1), line(rs));
                }, programme, academicYear, after, to);
    }

    /** Every history line of the run's students, by student id. */
    public static Map<String, List<History.Line>> all(JdbcTemplate jdbc, RunContext run) {
        Map<String, List<History.Line>> all = new HashMap<>();
        String last = jdbc.queryForObject("SELECT MAX(student_id) FROM delib_student WHERE run_id = ?", String.class,
                run.runId());
        if (last != null) {
            load(jdbc, run.runId(), run.programme().code(), run.academicYear(), "", last,
                    (student, line) -> all.computeIfAbsent(student, k -> new ArrayList<>()).add(line));
        }
        return all;
    }

    private static History.Line line(ResultSet rs) throws SQLException {
        return new History.Line(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                Result.valueOf(rs.getString(6)), rs.getInt(7));
    }
}
