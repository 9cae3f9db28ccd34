package org.delib.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ranking mark, the rank and the majors of the promotion (Art. 55, 56, 69, 70; RULES §9), for classement.csv.
 *
 * <p>One ranking per year level: {@link #rank} groups its entries by {@link Entry#level()} (a run deliberates one
 * programme, so this is one ranking per programme and level).
 *
 * <ul>
 *   <li>MSE = the plain mean of the entry's semester marks, exact, then rounded half-up to the profile's decimals
 *       (RULES §0, §12.1: the printed value is the one used).</li>
 *   <li>MC = MSE × (1 − penalty × (r/repeat + d/debt + s/rattrapage)) with the profile's {@code ranking} settings,
 *       computed from the rounded MSE exactly, then rounded half-up once.</li>
 *   <li>Ranks compare the rounded MC: equal MCs share a rank and the next rank skips (1, 2, 2, 4).</li>
 *   <li>Major (Art. 69, 70): among the entries of the level with r = d = s = 0, no rattrapage and no sanction, those
 *       who defended their project in July, if there is any, else all of them; the best MC among those; every entry
 *       with that MC is a major. The major need not be ranked first (a better-ranked student may not be eligible),
 *       and Art. 70 gives the July defenders precedence over a better MC of a September defender.</li>
 * </ul>
 */
public final class Ranking {

    private Ranking() {}

    /**
     * What the ranking needs of one student.
     *
     * @param semesterMarks every semester mark since the first registration in the cycle (earlier years and this one;
     *                      a semester taken in two years counts twice, one decided again once), at least one
     * @param r             repeated years
     * @param d             years admitted with debt (AJAC)
     * @param s             semesters acquired only after the rattrapage
     * @param sanctioned    a disciplinary sanction (any row of sanctions.csv) bars the major (Art. 69)
     * @param rattrapage    the student needed a rattrapage in some year of the cycle (bars the major)
     * @param julyDefence   the end-of-studies project was defended in the July session (pfe.csv, Art. 70)
     */
    public record Entry(String studentId, String level, List<BigDecimal> semesterMarks, int r, int d, int s,
                        boolean sanctioned, boolean rattrapage, boolean julyDefence) {

        public Entry {
            if (studentId == null || level == null) {
                throw new IllegalArgumentException("a ranking entry needs a student id and a level");
            }
            semesterMarks = List.copyOf(semesterMarks); // rejects null marks
            if (semesterMarks.isEmpty()) {
                throw new IllegalArgumentException("student " + studentId + " has no semester mark to rank");
            }
            if (r < 0 || d < 0 || s < 0) {
                throw new IllegalArgumentException("student " + studentId + ": r, d and s must not be negative");
            }
        }

        /**
         * The entry of a student after the final deliberation of this year ({@link Deliberation#sessionTwo}), from
         * this year's result and the earlier years' {@link History} (the lines the run reads for the student: earlier
         * years only). Only students for whom {@link Ranking#ranks} holds can be ranked.
         *
         * <ul>
         *   <li><b>Semester marks</b>: this year's semester marks, and one mark per earlier year in which the
         *       student took a semester of {@code programme} (a repeated semester counts each year), the latest result
         *       of that taking: an earlier level decided again with its debts, by a later year's run or by this one
         *       ({@link StudentResult#earlier()}), replaces the semester's latest taking and is no new term. UE and
         *       year lines are not semester marks; a semester without a mark is left out.</li>
         *   <li><b>r</b> = {@code years_in_cycle} − the number of the level in the cycle (L1 = 1, L2 = 2, L3 = 3;
         *       M1 = 1, M2 = 2), floored at 0: {@code years_in_cycle} counts the current year (RULES §12.14), so every
         *       year beyond the minimum was a repeated one. History cannot tell it: a repeated year may predate
         *       Délib.</li>
         *   <li><b>d</b> = this year's decision is {@code AJAC} (1 or 0) + the earlier years whose final decision
         *       ({@link History#years()}) was {@code AJAC}, even if the debts were paid off since. An earlier level of
         *       the cycle with no such decision (history.csv lines carry none) is read from its results instead, as
         *       {@link Progression} decides: L2 was left with debt when one of S1–S4 is still not acquired (its
         *       latest line; RULES §7, L2 → L3 needs the four semesters); any other level when its year line (the
         *       level code) is not acquired ({@code ADM}, {@code CMP}, {@code ADJ}). Where those lines are missing the
         *       other kind stands in (the year line for L2, the level's semester lines for the others); a level with
         *       no line at all counts 0. A level repeated then passed counts by its latest lines.</li>
         *   <li><b>s</b> = semesters (this year's, and each earlier taking as above) acquired with {@code session}
         *       2: a semester acquired at session 1 is not convoked (Art. 25), so its session is 2 only when a
         *       rattrapage mark made it acquired (RULES §12.11).</li>
         *   <li><b>rattrapage</b>: this year, the year's session is 2 or its result is not acquired (the session-1
         *       decision was then {@code RAT}, RULES §12.9; a session-1 failure cannot become a pass without a session-2
         *       mark); in the history, any line of session 2, or a year line neither acquired nor {@code DEF} nor
         *       {@code ATT}.</li>
         * </ul>
         *
         * @param programme   the programme of the run: which codes are semesters, and their levels
         * @param finalResult this year's final result; its student gives the id, level and {@code years_in_cycle}
         * @param history     the earlier years' lines and decisions of the cycle ({@link StudentRecord#history()})
         * @throws IllegalArgumentException when the student cannot be ranked (see {@link Ranking#ranks}), or the
         *                                  level is not one of the programme's cycle
         */
        public static Entry of(Programme programme, StudentResult finalResult, History history, boolean sanctioned,
                               boolean julyDefence) {
            Student student = finalResult.student();
            if (!ranks(finalResult)) {
                throw new IllegalArgumentException("student " + student.id() + " cannot be ranked: decision "
                        + finalResult.decision());
            }
            List<String> levels = programme.cycle().levels();
            int position = levels.indexOf(student.level());
            if (position < 0) {
                throw new IllegalArgumentException("student " + student.id() + ": level " + student.level()
                        + " is not a level of the " + programme.cycle() + " cycle");
            }

            // One line per academic year and element (the first given wins), in a fixed order.
            Map<String, History.Line> unique = new LinkedHashMap<>();
            history.lines().stream()
                    .sorted(Comparator.comparing(History.Line::academicYear))
                    .forEach(l -> unique.putIfAbsent(l.academicYear() + "\u0000" + l.element(), l));
            History earlier = new History(List.copyOf(unique.values()), history.years());

            boolean rattrapage = false;
            for (History.Line l : earlier.lines()) {
                if (l.session() == 2) {
                    rattrapage = true;
                }
                if (levels.contains(l.element()) && !l.result().acquired() && l.result() != Result.DEF
                        && l.result() != Result.ATT) {
                    rattrapage = true;
                }
            }
            List<SemesterTaking> takings = takings(programme, earlier, finalResult);
            for (ElementResult e : finalResult.elements()) {
                if (e.kind() != ElementKind.SEMESTRE) {
                    continue;
                }
                if (e.mark() == null) {
                    throw new IllegalArgumentException("student " + student.id() + ": semester " + e.code()
                            + " has no mark");
                }
                takings.add(new SemesterTaking(e.mark(), e.result(), e.session()));
            }
            List<BigDecimal> marks = new ArrayList<>();
            int s = 0;
            for (SemesterTaking t : takings) {
                if (t.mark() != null) {
                    marks.add(t.mark());
                }
                if (t.result().acquired() && t.session() == 2) {
                    s++;
                }
            }
            ElementResult year = finalResult.year();
            if (year.session() == 2 || !year.result().acquired()) {
                rattrapage = true;
            }

            int r = Math.max(0, student.yearsInCycle() - (position + 1));
            int d = finalResult.decision() == Decision.AJAC ? 1 : 0;
            Set<String> decided = new HashSet<>();
            for (History.Year y : earlier.years()) {
                decided.add(y.level());
                if (y.decision() == Decision.AJAC) {
                    d++;
                }
            }
            for (String level : levels.subList(0, position)) {
                if (!decided.contains(level) && leftWithDebt(programme, level, earlier)) {
                    d++;
                }
            }
            return new Entry(student.id(), student.level(), marks, r, d, s, sanctioned, rattrapage, julyDefence);
        }

        /** A semester as the student took it in one year, with its latest result. */
        private record SemesterTaking(BigDecimal mark, Result result, int session) {}

        /**
         * The earlier years' semesters, one per year the student took them (in year order), each with its latest
         * result: a semester line of a year whose level is a later one is that semester decided again (debts,
         * Art. 32), and so is {@code finalResult}'s earlier level decided again this year: it replaces the result of
         * the semester's latest taking instead of counting once more. A year's level is its run's decision's, or else
         * (history.csv) the latest level of the cycle that the year has lines of.
         */
        private static List<SemesterTaking> takings(Programme programme, History history, StudentResult finalResult) {
            List<String> levels = programme.cycle().levels();
            Map<String, String> levelOfSemester = new HashMap<>();
            programme.semesters().forEach(sem -> levelOfSemester.put(sem.code(), sem.level()));
            Map<String, String> levelOfYear = new HashMap<>();
            for (History.Line l : history.lines()) {
                String level = levels.contains(l.element()) ? l.element() : levelOfSemester.get(l.element());
                if (level != null) {
                    levelOfYear.merge(l.academicYear(), level,
                            (a, b) -> levels.indexOf(a) >= levels.indexOf(b) ? a : b);
                }
            }
            history.years().forEach(y -> levelOfYear.put(y.academicYear(), y.level()));

            List<SemesterTaking> takings = new ArrayList<>();
            Map<String, Integer> latest = new HashMap<>();
            for (History.Line l : history.lines()) {
                String level = levelOfSemester.get(l.element());
                if (level != null) {
                    take(takings, latest, l.element(), level.equals(levelOfYear.get(l.academicYear())),
                            new SemesterTaking(l.mark(), l.result(), l.session()));
                }
            }
            for (ElementResult e : finalResult.earlier()) {
                if (e.kind() == ElementKind.SEMESTRE) {
                    take(takings, latest, e.code(), false, new SemesterTaking(e.mark(), e.result(), e.session()));
                }
            }
            return takings;
        }

        /** Adds a new taking of {@code semester}, or replaces its latest one when this is it decided again. */
        private static void take(List<SemesterTaking> takings, Map<String, Integer> latest, String semester,
                                 boolean taken, SemesterTaking t) {
            Integer at = latest.get(semester);
            if (taken || at == null) {
                latest.put(semester, takings.size());
                takings.add(t);
            } else {
                takings.set(at, t);
            }
        }

        /** An earlier level the student has moved past: was it with debt? See {@link #of}. */
        private static boolean leftWithDebt(Programme programme, String level, History history) {
            List<Semester> semesters = new ArrayList<>();
            if (level.equals("L2")) {
                semesters.addAll(programme.semestersOf("L1"));
            }
            semesters.addAll(programme.semestersOf(level));
            Optional<Boolean> bySemesters = allAcquired(semesters, history);
            Optional<Boolean> byYear = history.latest(level).map(l -> l.result().acquired());
            Optional<Boolean> admitted = level.equals("L2") ? bySemesters.or(() -> byYear) : byYear.or(() -> bySemesters);
            return admitted.map(a -> !a).orElse(false);
        }

        /** Whether every semester's latest line is acquired; empty when one of them has no line. */
        private static Optional<Boolean> allAcquired(List<Semester> semesters, History history) {
            if (semesters.isEmpty()) {
                return Optional.empty();
            }
            boolean all = true;
            for (Semester sem : semesters) {
                Optional<History.Line> line = history.latest(sem.code());
                if (line.isEmpty()) {
                    return Optional.empty();
                }
                all &= line.get().result().acquired();
            }
            return Optional.of(all);
        }
    }

    /** One line of classement.csv. {@code major} is the Art. 69–70 flag. */
    public record Row(String studentId, String level, BigDecimal mse, int r, int d, int s, BigDecimal mc, int rank,
                      boolean major) {}

    /**
     * Whether a final result can be ranked: the final deliberation has decided the year. Not {@code ATT} (marks
     * pending), not {@code DEF} (abandonment, RULES §12.8), not {@code RAT} (a session-1 result, not the final one).
     */
    public static boolean ranks(StudentResult finalResult) {
        Decision d = finalResult.decision();
        return d != Decision.ATT && d != Decision.DEF && d != Decision.RAT;
    }

    /**
     * Ranks the entries, one ranking per level. Rows come by level (in code order), then rank, then student id.
     *
     * @throws IllegalArgumentException when a student id appears twice
     */
    public static List<Row> rank(List<Entry> entries, RulesProfile profile) {
        Set<String> ids = new HashSet<>();
        Map<String, List<Entry>> byLevel = new TreeMap<>();
        for (Entry e : entries) {
            if (!ids.add(e.studentId())) {
                throw new IllegalArgumentException("student " + e.studentId() + " is ranked twice");
            }
            byLevel.computeIfAbsent(e.level(), k -> new ArrayList<>()).add(e);
        }
        List<Row> rows = new ArrayList<>();
        byLevel.values().forEach(level -> rows.addAll(rankLevel(level, profile)));
        return rows;
    }

    private static List<Row> rankLevel(List<Entry> entries, RulesProfile profile) {
        int n = entries.size();
        BigDecimal[] mses = new BigDecimal[n];
        BigDecimal[] mcs = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            mses[i] = mse(e.semesterMarks(), profile);
            mcs[i] = mc(mses[i], e.r(), e.d(), e.s(), profile);
        }
        // Art. 69: never repeated (r), never needed rattrapage (an AJAC year or a semester acquired after the
        // rattrapage needed one too: d, s), no sanction. Art. 70: the July defenders first.
        boolean[] eligible = new boolean[n];
        boolean july = false;
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            eligible[i] = e.r() == 0 && e.d() == 0 && e.s() == 0 && !e.rattrapage() && !e.sanctioned();
            july |= eligible[i] && e.julyDefence();
        }
        boolean[] pool = new boolean[n];
        BigDecimal best = null;
        for (int i = 0; i < n; i++) {
            pool[i] = eligible[i] && (!july || entries.get(i).julyDefence());
            if (pool[i] && (best == null || mcs[i].compareTo(best) > 0)) {
                best = mcs[i];
            }
        }

        // Rank = 1 + the number of MCs above one's own (ties share a rank: 1, 2, 2, 4), found in the MCs sorted
        // once, highest first: comparing each student with every other took 72 s for 64,000 students.
        BigDecimal[] descending = mcs.clone();
        Arrays.sort(descending, Comparator.reverseOrder());
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            int rank = 1 + above(descending, mcs[i]);
            boolean major = pool[i] && mcs[i].compareTo(best) == 0;
            rows.add(new Row(e.studentId(), e.level(), mses[i], e.r(), e.d(), e.s(), mcs[i], rank, major));
        }
        rows.sort(Comparator.comparingInt(Row::rank).thenComparing(Row::studentId));
        return rows;
    }

    /** How many of {@code descending} (sorted highest first) are above {@code mc}. */
    private static int above(BigDecimal[] descending, BigDecimal mc) {
        int low = 0;
        int high = descending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (descending[mid].compareTo(mc) > 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** MSE: the plain mean of the marks, exact, then rounded half-up to the profile's decimals. */
    public static BigDecimal mse(List<BigDecimal> marks, RulesProfile profile) {
        if (marks.isEmpty()) {
            throw new IllegalArgumentException("no semester mark");
        }
        BigDecimal sum = marks.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(marks.size()), profile.decimals(), RoundingMode.HALF_UP);
    }

    /**
     * MC = MSE × (1 − penalty × (r/repeat + d/debt + s/rattrapage)), exact (the fractions over their common
     * denominator), then rounded half-up once to the profile's decimals.
     */
    public static BigDecimal mc(BigDecimal mse, int r, int d, int s, RulesProfile profile) {
        RulesProfile.Ranking settings = profile.ranking();
        long rd = settings.repeatDivisor();
        long dd = settings.debtDivisor();
        long sd = settings.rattrapageDivisor();
        BigDecimal denominator = BigDecimal.valueOf(rd * dd * sd);
        BigDecimal numerator = BigDecimal.valueOf(r * dd * sd + d * rd * sd + s * rd * dd);
        BigDecimal factor = denominator.subtract(settings.penalty().multiply(numerator));
        return mse.multiply(factor).divide(denominator, profile.decimals(), RoundingMode.HALF_UP);
    }
}
