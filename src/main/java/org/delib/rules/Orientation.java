package org.delib.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orientation into the specialities (Art. 57; RULES §10), for orientation.csv: the admitted students, in ranking
 * order, each get the first wish on their list whose capacity is not full and whose conditions they meet.
 *
 * <ul>
 *   <li>Admitted: final decision {@code ADM}, {@code CMP}, {@code ADJ} or {@code AJAC}. RULES §7 calls
 *       {@code AJAC} "admitted with debt" and everything else "not admitted" ({@code RED}, {@code NAR}); an
 *       {@code AJAC} student registers in the next level and needs a speciality there like the others, and the
 *       ranking (d) already places them after equal students without debt. {@code DIPL} (no next level in the
 *       programme), {@code RED}, {@code NAR}, {@code DEF}, {@code ATT} and {@code RAT} are not placed.</li>
 *   <li>Conditions: every required UE acquired — a UE counts as acquired if it is, or if its semester is (RULES
 *       §12.12), this year's result first, else the latest in the history —, and the year mark of this year (final
 *       session) at least the minimum mark. A speciality with capacity 0 is always full.</li>
 *   <li>Students tied in the ranking are taken in the order given (the ranking's rows come by rank, then student
 *       id).</li>
 * </ul>
 */
public final class Orientation {

    private Orientation() {}

    /**
     * What orientation needs of one student.
     *
     * @param yearMark  this year's final year mark (null when it cannot be computed)
     * @param acquired  the UE and semester codes the student has acquired, UEs of an acquired semester included
     */
    public record Candidate(String studentId, Decision decision, BigDecimal yearMark, Set<String> acquired) {

        public Candidate {
            acquired = Set.copyOf(acquired);
        }

        /**
         * The candidate of a student after the final deliberation: every UE and semester of {@code programme} whose
         * result — this year's if it belongs to this year, else the latest history line — is acquired, and every UE
         * of an acquired semester.
         */
        public static Candidate of(Programme programme, StudentResult finalResult, History history) {
            Map<String, Result> thisYear = new HashMap<>();
            finalResult.elements().forEach(e -> thisYear.put(e.code(), e.result()));
            Set<String> acquired = new LinkedHashSet<>();
            for (Semester s : programme.semesters()) {
                boolean semester = acquired(s.code(), thisYear, history);
                if (semester) {
                    acquired.add(s.code());
                }
                for (Ue u : s.ues()) {
                    if (semester || acquired(u.code(), thisYear, history)) {
                        acquired.add(u.code());
                    }
                }
            }
            return new Candidate(finalResult.student().id(), finalResult.decision(), finalResult.year().mark(),
                    acquired);
        }

        private static boolean acquired(String code, Map<String, Result> thisYear, History history) {
            Result r = thisYear.get(code);
            if (r == null) {
                r = history.latest(code).map(History.Line::result).orElse(null);
            }
            return r != null && r.acquired();
        }
    }

    /**
     * One line of orientation.csv.
     *
     * @param speciality the speciality code, empty when the student has no place
     * @param wishRank   the position of that speciality in the student's wishes (1 = first), 0 when unplaced
     * @param reason     empty when placed; else why: not admitted, no wish, or each wish's reason in order
     */
    public record Placement(String studentId, String speciality, int wishRank, String reason) {

        public boolean placed() {
            return !speciality.isEmpty();
        }
    }

    /** The decisions that admit to the next level, and so to orientation (see the class comment). */
    public static boolean admitted(Decision decision) {
        return switch (decision) {
            case ADM, CMP, ADJ, AJAC -> true;
            default -> false;
        };
    }

    /**
     * Places the candidates, in the order given, which must be the ranking order.
     *
     * @param specialities the programme's specialities ({@link Programme#specialities()})
     * @param candidates   every student to list, in ranking order; one placement each, in that order
     * @param wishes       each student's speciality codes, first wish first (wishes.csv sorted by rank); the wish
     *                     rank printed is the position in this list
     */
    public static List<Placement> place(List<Speciality> specialities, List<Candidate> candidates,
                                        Map<String, List<String>> wishes) {
        Map<String, Speciality> byCode = new HashMap<>();
        specialities.forEach(s -> byCode.put(s.code(), s));
        Map<String, Integer> taken = new HashMap<>();
        List<Placement> placements = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!admitted(c.decision())) {
                placements.add(new Placement(c.studentId(), "", 0, "not admitted (" + c.decision() + ")"));
                continue;
            }
            List<String> list = wishes.getOrDefault(c.studentId(), List.of());
            if (list.isEmpty()) {
                placements.add(new Placement(c.studentId(), "", 0, "no wish"));
                continue;
            }
            List<String> refusals = new ArrayList<>();
            Placement placement = null;
            for (int i = 0; i < list.size() && placement == null; i++) {
                String code = list.get(i);
                Speciality s = byCode.get(code);
                String refusal = s == null ? code + ": unknown speciality" : refusal(s, c, taken.getOrDefault(code, 0));
                if (refusal == null) {
                    taken.merge(code, 1, Integer::sum);
                    placement = new Placement(c.studentId(), code, i + 1, "");
                } else {
                    refusals.add(refusal);
                }
            }
            placements.add(placement != null ? placement
                    : new Placement(c.studentId(), "", 0, String.join("; ", refusals)));
        }
        return placements;
    }

    /** Why {@code s} cannot take the candidate, or null when it can: conditions first, then capacity. */
    private static String refusal(Speciality s, Candidate c, int taken) {
        List<String> unmet = new ArrayList<>();
        List<String> missing = s.requiredUes().stream().filter(u -> !c.acquired().contains(u)).toList();
        if (!missing.isEmpty()) {
            unmet.add(String.join(", ", missing) + " not acquired");
        }
        if (s.minMark() != null && (c.yearMark() == null || c.yearMark().compareTo(s.minMark()) < 0)) {
            unmet.add("year mark " + (c.yearMark() == null ? "missing" : c.yearMark().toPlainString())
                    + " below " + s.minMark().toPlainString());
        }
        if (!unmet.isEmpty()) {
            return s.code() + ": " + String.join(", ", unmet);
        }
        if (taken >= s.capacity()) {
            return s.code() + ": full (capacity " + s.capacity() + ")";
        }
        return null;
    }
}
