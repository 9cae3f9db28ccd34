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
import org.delib.rules.Programme;
import org.delib.rules.Result;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Students' results of earlier years (RULES §12.14): history.csv rows staged for this run, and the results and
 * decisions kept by earlier final runs of the programme — for each year, from the latest final run that deliberated
 * the student; and the debts they owe from them (Art. 32).
 */
public final class Histories {

    /** The latest final run of the programme in {@code u}'s year that deliberated {@code r}'s student. */
    private static final String LATEST_OF_YEAR = "(SELECT MAX(v.run_id) FROM delib_run v "
            + "JOIN delib_decision d ON d.run_id = v.run_id WHERE d.student_id = r.student_id "
            + "AND v.programme = u.programme AND v.academic_year = u.academic_year AND v.session = 2)";

    private Histories() {}

    /** The histories and the debts of some students, by student id. */
    record Pasts(Map<String, History> histories, Map<String, Debts> debts) {}

    /** The pasts of the students in ({@code after}, {@code to}]: their earlier decisions read once for both. */
    static Pasts load(JdbcTemplate jdbc, long runId, String programme, String academicYear, String after,
                      String to) {
        Map<String, List<Earlier>> decisions = decisions(jdbc, runId, programme, academicYear, after, to);
        return new Pasts(histories(jdbc, runId, programme, academicYear, after, to, decisions),
                debts(jdbc, programme, academicYear, after, to, decisions));
    }

    /** The history of each student in ({@code after}, {@code to}], by student id: lines and earlier decisions. */
    private static Map<String, History> histories(JdbcTemplate jdbc, long runId, String programme,
                                                  String academicYear, String after, String to,
                                                  Map<String, List<Earlier>> decisions) {
        Map<String, List<History.Line>> lines = new HashMap<>();
        BiConsumer<String, History.Line> sink = (student, line) ->
                lines.computeIfAbsent(student, k -> new ArrayList<>()).add(line);
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
        Map<String, History> histories = new HashMap<>();
        lines.forEach((student, l) -> histories.put(student, new History(l, years(decisions.get(student)))));
        decisions.forEach((student, d) -> histories.putIfAbsent(student, new History(List.of(), years(d))));
        return histories;
    }

    /** The history of every student of the run, by student id. */
    public static Map<String, History> all(JdbcTemplate jdbc, RunContext run) {
        String last = lastStudent(jdbc, run.runId());
        String programme = run.programme().code();
        return last == null ? Map.of() : histories(jdbc, run.runId(), programme, run.academicYear(), "", last,
                decisions(jdbc, run.runId(), programme, run.academicYear(), "", last));
    }

    private static String lastStudent(JdbcTemplate jdbc, long runId) {
        return jdbc.queryForObject("SELECT MAX(student_id) FROM delib_student WHERE run_id = ?", String.class, runId);
    }

    /**
     * The debts of the run's students in ({@code after}, {@code to}] (Art. 32; RULES §7, §12.13), by student id: those
     * of their latest earlier final decision that was AJAC, whatever the decisions after it (what later years paid off
     * is taken off by {@link Debts#stillOwed}); with the kept result of each matière as the latest final runs of the
     * earlier years left it (a later year's run keeps the debts it decided again).
     */
    private static Map<String, Debts> debts(JdbcTemplate jdbc, String programme, String academicYear, String after,
                                            String to, Map<String, List<Earlier>> decisions) {
        Map<String, Earlier> ajac = new HashMap<>();
        decisions.forEach((student, years) -> years.stream()
                .filter(y -> y.decision() == Decision.AJAC && !y.debts().isEmpty())
                .reduce((first, second) -> second).ifPresent(y -> ajac.put(student, y)));
        Map<String, Map<String, ElementResult>> earlier = new HashMap<>();
        if (!ajac.isEmpty()) {
            jdbc.query("SELECT r.student_id, r.element, r.mark, r.result, r.credits, r.session "
                    + "FROM delib_result r JOIN delib_run u ON u.run_id = r.run_id "
                    + "WHERE u.programme = ? AND u.academic_year < ? AND u.session = 2 AND r.kind = 'MATIERE' "
                    + "AND r.student_id > ? AND r.student_id <= ? AND r.run_id = " + LATEST_OF_YEAR
                    + " ORDER BY r.student_id, u.academic_year",
                    rs -> {
                        if (ajac.containsKey(rs.getString(1))) {
                            earlier.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                    new ElementResult(rs.getString(2), ElementKind.MATIERE, rs.getBigDecimal(3),
                                            Result.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getInt(6)));
                        }
                    }, programme, academicYear, after, to);
        }
        Map<String, Debts> debts = new HashMap<>();
        ajac.forEach((student, y) -> debts.put(student, new Debts(y.academicYear(), List.of(y.debts().split("\\|")),
                earlier.getOrDefault(student, Map.of()))));
        return debts;
    }

    /**
     * The matières each of the run's students still owes, by student id: what their marks may name besides this
     * year's.
     */
    public static Map<String, Set<String>> owed(JdbcTemplate jdbc, long runId, Programme programme,
                                                String academicYear) {
        Map<String, Set<String>> owed = new HashMap<>();
        String last = lastStudent(jdbc, runId);
        if (last != null) {
            Pasts pasts = load(jdbc, runId, programme.code(), academicYear, "", last);
            pasts.debts().forEach((student, d) -> owed.put(student, Set.copyOf(
                    d.stillOwed(programme, pasts.histories().getOrDefault(student, History.NONE)).matieres())));
        }
        return owed;
    }

    /** An earlier final decision of a student, with the debts it listed. */
    private record Earlier(String academicYear, String level, Decision decision, String debts) {}

    /**
     * The earlier final decisions of the students in ({@code after}, {@code to}] registered in the run, in year
     * order, one per year: that of the year's latest final run that deliberated them (a recours included).
     */
    private static Map<String, List<Earlier>> decisions(JdbcTemplate jdbc, long runId, String programme,
                                                        String academicYear, String after, String to) {
        Map<String, List<Earlier>> decisions = new HashMap<>();
        jdbc.query("SELECT r.student_id, u.academic_year, r.level, r.decision, r.debts FROM delib_student s "
                + "JOIN delib_decision r ON r.student_id = s.student_id "
                + "JOIN delib_run u ON u.run_id = r.run_id AND u.programme = ? AND u.academic_year < ? "
                + "AND u.session = 2 WHERE s.run_id = ? AND s.student_id > ? AND s.student_id <= ? "
                // The range again for r: PostgreSQL does not carry it across the join (see StoredResults.PAGE_QUERY).
                + "AND r.student_id > ? AND r.student_id <= ? "
                + "AND r.run_id = " + LATEST_OF_YEAR + " ORDER BY r.student_id, u.academic_year",
                rs -> {
                    decisions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Earlier(
                            rs.getString(2), rs.getString(3), Decision.valueOf(rs.getString(4)), rs.getString(5)));
                }, programme, academicYear, runId, after, to, after, to);
        return decisions;
    }

    private static List<History.Year> years(List<Earlier> decisions) {
        return decisions == null ? List.of()
                : decisions.stream().map(d -> new History.Year(d.academicYear(), d.level(), d.decision())).toList();
    }

    private static History.Line line(ResultSet rs) throws SQLException {
        return new History.Line(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                Result.valueOf(rs.getString(6)), rs.getInt(7));
    }
}
