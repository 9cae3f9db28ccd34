package org.delib.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The tutoring programme (accompagnement, RULES §11), for accompagnement.csv after each session.
 *
 * <p><b>In difficulty</b>: one of the semesters of the student's result is not acquired ({@code AJ}, or {@code DEF}
 * — an abandoned semester), or is acquired with a mark strictly below {@code below}. A pending ({@code ATT}) semester
 * is not judged: its marks are not all in.
 *
 * <p><b>Semesters 1–4 and 5–6</b> are those of the student's level: L1 and L2 (S1–S4) are "semesters 1–4", L3
 * (S5–S6) is "semesters 5–6". A master's semesters are the first four of its cycle: M1 and M2 follow the rule of
 * semesters 1–4.
 *
 * <p><b>Priority</b> (1 = first; a number means the same group whatever the level):
 * <ol>
 *   <li>scholarship holders, whatever their series and level;</li>
 *   <li>in semesters 1–4, technological and vocational baccalaureates ({@code TECHNO}, {@code PRO}); in semesters
 *       5–6, holders of a {@code BTS}, {@code DUT} or {@code DEUST};</li>
 *   <li>in semesters 1–4, general baccalaureates ({@code GENERAL}), all alike whatever their mention;</li>
 *   <li>in semesters 1–4, any other series ({@code OTHER}, and the rare {@code BTS}, {@code DUT}, {@code DEUST}):
 *       RULES §11 names no place for them, and only for semesters 5–6 does it restrict who is listed.</li>
 * </ol>
 * In semesters 5–6 a student in difficulty who is neither a scholarship holder nor a holder of a BTS, DUT or DEUST
 * is not listed ("only holders of a BTS, DUT or DEUST"); "scholarship holders first" is read as applying before
 * that restriction, at every level.
 */
public final class Support {

    /** The last priority group: priorities go from 1 to it. */
    public static final int LOWEST_PRIORITY = 4;

    private static final Set<String> TECHNOLOGICAL = Set.of("TECHNO", "PRO");
    private static final Set<String> SHORT_HIGHER = Set.of("BTS", "DUT", "DEUST");

    private Support() {}

    /**
     * One student's assessment; listed ones are the lines of accompagnement.csv.
     *
     * @param priority 1 = first (see the class comment); 0 when not listed
     * @param reason   the semesters in difficulty, {@code "; "}-separated (e.g. {@code S1 not acquired (8.61)},
     *                 {@code S2 10.50 below 11.00}); for a student in difficulty but not eligible, followed by why;
     *                 empty when not in difficulty
     */
    public record Assessment(String studentId, boolean listed, int priority, String reason) {}

    /**
     * Assesses a student after a session ({@link Deliberation#sessionOne} or {@link Deliberation#sessionTwo}).
     *
     * @param below the level under which an acquired semester's mark puts the student in difficulty (compared with
     *              the rounded semester mark, strictly)
     */
    public static Assessment assess(StudentResult result, BigDecimal below) {
        if (below == null) {
            throw new IllegalArgumentException("support: the level 'below' is required");
        }
        Student student = result.student();
        List<String> reasons = new ArrayList<>();
        for (ElementResult e : result.elements()) {
            if (e.kind() != ElementKind.SEMESTRE || e.result() == Result.ATT) {
                continue;
            }
            String mark = e.mark() == null ? null : e.mark().toPlainString();
            if (e.result() == Result.DEF) {
                reasons.add(e.code() + " abandoned (DEF)");
            } else if (!e.result().acquired()) {
                reasons.add(e.code() + " not acquired" + (mark == null ? "" : " (" + mark + ")"));
            } else if (e.mark() != null && e.mark().compareTo(below) < 0) {
                reasons.add(e.code() + " " + mark + " below " + below.toPlainString());
            }
        }
        if (reasons.isEmpty()) {
            return new Assessment(student.id(), false, 0, "");
        }
        String reason = String.join("; ", reasons);
        boolean late = Cycle.LICENCE.levels().indexOf(student.level()) >= 2;
        String series = student.bacSeries() == null ? "" : student.bacSeries();
        int priority;
        if (student.scholarship()) {
            priority = 1;
        } else if (late) {
            if (!SHORT_HIGHER.contains(series)) {
                return new Assessment(student.id(), false, 0,
                        reason + " — not eligible: in semesters 5–6 only BTS, DUT or DEUST holders are listed");
            }
            priority = 2;
        } else if (TECHNOLOGICAL.contains(series)) {
            priority = 2;
        } else if (series.equals("GENERAL")) {
            priority = 3;
        } else {
            priority = LOWEST_PRIORITY;
        }
        return new Assessment(student.id(), true, priority, reason);
    }

    /**
     * accompagnement.csv: the listed students only, by priority, then student id (no order within a group: "without
     * distinction").
     */
    public static List<Assessment> list(Collection<StudentResult> results, BigDecimal below) {
        return results.stream().map(r -> assess(r, below)).filter(Assessment::listed)
                .sorted(Comparator.comparingInt(Assessment::priority).thenComparing(Assessment::studentId))
                .toList();
    }
}
