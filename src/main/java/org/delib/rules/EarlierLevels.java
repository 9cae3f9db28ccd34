package org.delib.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The earlier levels a student admitted with debts (AJAC, Art. 32) owes matières of, decided again with this year's
 * marks of those matières (RULES §3–5, §7, §12.13): each debt matière keeps the better of its earlier result and
 * this year's, every other matière keeps its earlier result, and UEs, semesters and the year follow by the usual
 * rules.
 */
final class EarlierLevels {

    private final Programme programme;
    private final RulesProfile profile;
    private final Debts debts;
    private final History history;
    /** The debt matières sat this year, in programme order. */
    private final List<String> owed = new ArrayList<>();
    /** The levels they belong to, in cycle order. */
    private final List<String> levels;

    EarlierLevels(Programme programme, RulesProfile profile, StudentRecord record) {
        this.programme = programme;
        this.profile = profile;
        this.history = record.history();
        this.debts = record.debts().stillOwed(programme, history);
        List<String> cycle = programme.cycle().levels();
        int current = cycle.indexOf(record.student().level());
        Map<String, Semester> semesterOf = programme.semesterOfMatiere();
        Set<String> owedLevels = new HashSet<>();
        for (String m : debts.matieres()) {
            Semester s = semesterOf.get(m);
            // Only a level before this one is owed from: a student registered again in a level retakes all of it.
            if (s != null && cycle.indexOf(s.level()) < current) {
                owed.add(m);
                owedLevels.add(s.level());
            }
        }
        levels = cycle.stream().filter(owedLevels::contains).toList();
    }

    boolean owes(String matiere) {
        return owed.contains(matiere);
    }

    /** Every semester of the levels owed from, in programme order. */
    List<Semester> semesters() {
        return levels.stream().flatMap(l -> programme.semestersOf(l).stream()).toList();
    }

    /** The levels owed from, decided again with {@code thisYear}'s outcomes of the debt matières. */
    Decided decide(Map<String, MatiereOutcome> thisYear) {
        Map<String, Acquisition.Outcome> decided = new LinkedHashMap<>();
        for (String level : levels) {
            List<Semester> semesters = programme.semestersOf(level);
            Map<String, MatiereOutcome> outcomes = new HashMap<>();
            Set<String> rachats = new HashSet<>();
            for (Semester s : semesters) {
                for (Ue u : s.ues()) {
                    for (Matiere m : u.matieres()) {
                        MatiereOutcome before = before(m);
                        MatiereOutcome now = thisYear.get(m.code());
                        outcomes.put(m.code(), owes(m.code()) && better(now, before) ? now : before);
                    }
                    raisedBefore(u.code(), rachats);
                }
                raisedBefore(s.code(), rachats);
            }
            raisedBefore(level, rachats);
            // The rachats are re-applied where the element would fail again; elsewhere their refusal is moot.
            decided.put(level, Acquisition.decide(semesters, level, outcomes, rachats, profile));
        }
        return new Decided(decided);
    }

    /** A UE, semester or year the jury raised (ADJ) in the earlier year stays raised. */
    private void raisedBefore(String code, Set<String> rachats) {
        history.latest(code).filter(l -> l.result() == Result.ADJ).ifPresent(l -> rachats.add(code));
    }

    /** The earlier kept result of a matière; one missing from the earlier results (a changed maquette) earned nothing. */
    private MatiereOutcome before(Matiere m) {
        ElementResult e = debts.earlier().get(m.code());
        return e == null ? new MatiereOutcome(m, null, Result.AJ, 1, false, false)
                : new MatiereOutcome(m, e.mark(), e.result(), e.session(), e.mark() != null, false);
    }

    /**
     * Whether this year's outcome of a debt matière replaces the earlier one: a pending one does, so that a mark not
     * entered yet holds the decision (RULES §12.8); otherwise only a better one — acquired over not acquired, failed
     * over excluded, then the higher rounded mark, a tie keeping the earlier (as Art. 26, RULES §12.10) — so that a
     * debt is never worse off for being sat again.
     */
    static boolean better(MatiereOutcome now, MatiereOutcome before) {
        if (now.pending()) {
            return true;
        }
        int standing = Integer.compare(standing(now.result()), standing(before.result()));
        if (standing != 0) {
            return standing > 0;
        }
        return now.mark() != null && (before.mark() == null || now.mark().compareTo(before.mark()) > 0);
    }

    private static int standing(Result r) {
        return r.acquired() ? 2 : r == Result.EXC ? 0 : 1;
    }

    /** The levels owed from as decided again, by level in cycle order. */
    final class Decided {
        private final Map<String, Acquisition.Outcome> byLevel;

        private Decided(Map<String, Acquisition.Outcome> byLevel) {
            this.byLevel = byLevel;
        }

        Map<String, Acquisition.Outcome> byLevel() {
            return byLevel;
        }

        /** A debt matière not entered yet leaves its level pending. */
        boolean pending() {
            return byLevel.values().stream().anyMatch(o -> o.year().result() == Result.ATT);
        }

        /** RULES §12.13 on each level decided again: what is still owed, in programme order. */
        List<String> stillOwed() {
            List<String> still = new ArrayList<>();
            byLevel.forEach((level, o) -> still.addAll(Progression.debts(programme.semestersOf(level), o)));
            return still;
        }

        /**
         * What the registrar sees decided again: each debt matière, its UE and semester, and the year of its level,
         * in programme order as in results.csv.
         */
        List<ElementResult> elements() {
            List<ElementResult> shown = new ArrayList<>();
            byLevel.forEach((level, o) -> {
                for (Semester s : programme.semestersOf(level)) {
                    boolean semesterOwed = false;
                    for (Ue u : s.ues()) {
                        List<Matiere> ms = u.matieres().stream().filter(m -> owes(m.code())).toList();
                        ms.forEach(m -> shown.add(o.element(m.code())));
                        if (!ms.isEmpty()) {
                            shown.add(o.element(u.code()));
                            semesterOwed = true;
                        }
                    }
                    if (semesterOwed) {
                        shown.add(o.element(s.code()));
                    }
                }
                shown.add(o.year());
            });
            return shown;
        }

        /** The earlier years' lines with the UEs, semesters and years decided again in place of theirs. */
        History history() {
            return history.replacing(debts.academicYear(),
                    elements().stream().filter(e -> e.kind() != ElementKind.MATIERE).toList());
        }

        /** The result of an element of a level owed from. */
        Result result(String code) {
            return byLevel.values().stream().flatMap(o -> o.elements().stream()).filter(e -> e.code().equals(code))
                    .map(ElementResult::result).findFirst().orElseThrow();
        }
    }
}
