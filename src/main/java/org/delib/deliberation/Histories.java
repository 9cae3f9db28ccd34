package org.delib.deliberation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.delib.rules.Debts;
import org.delib.rules.Decision;
import org.delib.rules.ElementKind;
import org.delib.rules.ElementResult;
import org.delib.rules.History;
import org.delib.rules.Result;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Students' results of earlier years (RULES §12.14): history.csv rows staged for this run, and the results kept
 * by earlier final runs of the programme — for each year, from the latest final run that deliberated the student;
 * and the debts they owe from them (Art. 32).
 */
public final class Histories {

    /** The latest final run of the programme in {@code u}'s year that deliberated {@code r}'s student. */
    private static final String LATEST_OF_YEAR = "(SELECT MAX(v.run_id) FROM delib_run v "
            + "JOIN delib_decision d ON d.run_id = v.run_id WHERE d.student_id = r.student_id "
            + "AND v.programme = u.programme AND v.academic_year = u.academic_year AND v.session = 2)";

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
                + "AND r.student_id > ? AND r.student_id <= ? AND r.run_id = " + LATEST_OF_YEAR,
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

    /**
     * The debts of the run's students in ({@code after}, {@code to}] (Art. 32; RULES §7, §12.13), by student id: those
     * of their decision in the latest final run of the programme in an earlier academic year, if it is AJAC; with
     * the kept result of each matière from the earlier final runs that admitted them with debts, the latest year's
     * (a later year's run keeps the debts it decided again).
     */
    static Map<String, Debts> debts(JdbcTemplate jdbc, long runId, String programme, String academicYear,
                                    String after, String to) {
        Map<String, String[]> owed = latestAjac(jdbc, runId, programme, academicYear, after, to);
        Map<String, Map<String, ElementResult>> earlier = new HashMap<>();
        if (!owed.isEmpty()) {
            jdbc.query("SELECT r.student_id, r.element, r.mark, r.result, r.credits, r.session "
                    + "FROM delib_result r JOIN delib_run u ON u.run_id = r.run_id JOIN delib_decision x "
                    + "ON x.run_id = r.run_id AND x.student_id = r.student_id AND x.decision = 'AJAC' "
                    + "WHERE u.programme = ? AND u.academic_year < ? AND u.session = 2 AND r.kind = 'MATIERE' "
                    + "AND r.student_id > ? AND r.student_id <= ? AND r.run_id = " + LATEST_OF_YEAR
                    + " ORDER BY r.student_id, u.academic_year",
                    rs -> {
                        if (owed.containsKey(rs.getString(1))) {
                            earlier.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                    new ElementResult(rs.getString(2), ElementKind.MATIERE, rs.getBigDecimal(3),
                                            Result.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getInt(6)));
                        }
                    }, programme, academicYear, after, to);
        }
        Map<String, Debts> debts = new HashMap<>();
        owed.forEach((student, d) -> debts.put(student, new Debts(d[0], List.of(d[1].split("\\|")),
                earlier.getOrDefault(student, Map.of()))));
        return debts;
    }

    /** The matières each of the run's students owes, by student id: what their marks may name besides this year's. */
    public static Map<String, Set<String>> owed(JdbcTemplate jdbc, long runId, String programme, String academicYear) {
        Map<String, Set<String>> owed = new HashMap<>();
        String last = jdbc.queryForObject("SELECT MAX(student_id) FROM delib_student WHERE run_id = ?", String.class,
                runId);
        if (last != null) {
            latestAjac(jdbc, runId, programme, academicYear, "", last)
                    .forEach((student, d) -> owed.put(student, Set.of(d[1].split("\\|"))));
        }
        return owed;
    }

    /**
     * The students in ({@code after}, {@code to}] registered in the run whose latest earlier final decision is AJAC
     * with debts: its academic year and its debts.
     */
    private static Map<String, String[]> latestAjac(JdbcTemplate jdbc, long runId, String programme,
                                                    String academicYear, String after, String to) {
        Map<String, String[]> latest = new HashMap<>();
        // In year then run order, so that the last row of a student is their latest decision (a recours included).
        jdbc.query("SELECT d.student_id, u.academic_year, d.decision, d.debts FROM delib_student s "
                + "JOIN delib_run u ON u.programme = ? AND u.academic_year < ? AND u.session = 2 "
                + "JOIN delib_decision d ON d.run_id = u.run_id AND d.student_id = s.student_id "
                + "WHERE s.run_id = ? AND s.student_id > ? AND s.student_id <= ? "
                + "ORDER BY d.student_id, u.academic_year, u.run_id",
                rs -> {
                    latest.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }, programme, academicYear, runId, after, to);
        Map<String, String[]> ajac = new HashMap<>();
        latest.forEach((student, d) -> {
            if (d[1].equals(Decision.AJAC.name()) && !d[2].isEmpty()) {
                ajac.put(student, new String[] {d[0], d[2]});
            }
        });
        return ajac;
    }

    private static History.Line line(ResultSet rs) throws SQLException {
        return new History.Line(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                Result.valueOf(rs.getString(6)), rs.getInt(7));
    }
}
