package org.delib.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Deliberates one student's year for a session (RULES §1–6, §12). */
public final class Deliberation {

    private final Programme programme;
    private final RulesProfile profile;

    public Deliberation(Programme programme, RulesProfile profile) {
        this.programme = programme;
        this.profile = profile;
    }

    /** The first session: results, the session-1 decision (RULES §12.9) and the rattrapage convocations (§6). */
    public StudentResult sessionOne(StudentRecord record) {
        FirstSession first = firstSession(record);
        String next = switch (first.decision) {
            case ADM, CMP, ADJ -> programme.cycle().nextLevel(record.student().level());
            default -> "";
        };
        return new StudentResult(record.student(), first.outcome.elements(), first.outcome.year(), first.decision,
                next, List.of(), first.convocations, first.missing, first.outcome.refusals(),
                first.earlier.elements());
    }

    /**
     * The final deliberation (RULES §6–8, §12.10): session 1 recomputed from the same inputs gives the
     * convocations; each retaken matière keeps the better of its two marks; the year, and the earlier levels owed
     * from, are decided again, then the progression. A rattrapage mark in a matière the student was not convoked to
     * is refused.
     */
    public StudentResult sessionTwo(StudentRecord record) {
        FirstSession first = firstSession(record);
        Map<String, MatiereOutcome> outcomes = new HashMap<>(first.outcomes);
        Map<String, Matiere> matieres = programme.matieres();
        Set<String> convoked = new HashSet<>();
        first.convocations.forEach(c -> convoked.add(c.matiere()));
        List<StudentResult.Refusal> refusals = new ArrayList<>();
        for (String m : new TreeSet<>(record.rattrapage().keySet())) {
            if (!convoked.contains(m)) {
                refusals.add(new StudentResult.Refusal(StudentResult.Refusal.Kind.RATTRAPAGE_MARK, m,
                        "not convoked to the rattrapage in " + m + " (session-1 decision " + first.decision
                                + ", " + m + " " + first.result(m) + ")"));
                continue;
            }
            MatiereOutcome one = first.outcomes.get(m);
            BigDecimal two = MatiereMark.rattrapage(matieres.get(m), record.sessionOne().get(m),
                    record.rattrapage().get(m), profile);
            // Art. 26, RULES §12.10: the better rounded mark; a tie keeps session 1.
            if (two != null && (one.mark() == null || two.compareTo(one.mark()) > 0)) {
                outcomes.put(m, new MatiereOutcome(one.matiere(), two, profile.passes(two) ? Result.ADM : Result.AJ,
                        2, true, false));
            }
        }
        String level = record.student().level();
        Acquisition.Outcome outcome = Acquisition.decide(programme.semestersOf(level), level, outcomes,
                record.rachats(), profile);
        EarlierLevels.Decided earlier = first.owed.decide(outcomes);
        // RULES §12.8: a debt's mark not entered yet holds the decision as this year's would.
        Progression.Outcome next = earlier.pending() && outcome.year().result() != Result.DEF
                ? new Progression.Outcome(Decision.ATT, "", List.of())
                : Progression.decide(programme, profile, record.student(), outcome, earlier.history());
        List<String> debts = next.debts();
        if (next.decision() == Decision.AJAC) {
            // Admitted with debts again: what is still owed from earlier levels stays owed, before this year's.
            debts = new ArrayList<>(earlier.stillOwed());
            debts.addAll(next.debts());
        }
        refusals.addAll(outcome.refusals());
        return new StudentResult(record.student(), outcome.elements(), outcome.year(), next.decision(),
                next.nextLevel(), debts, List.of(), first.missing, refusals, earlier.elements());
    }

    /** Session 1 as decided from the inputs, the starting point of both deliberations. */
    private record FirstSession(Map<String, MatiereOutcome> outcomes, Acquisition.Outcome outcome, EarlierLevels owed,
                                EarlierLevels.Decided earlier, Decision decision,
                                List<StudentResult.Convocation> convocations, List<StudentResult.MissingMark> missing) {

        /** The session-1 result of a matière of this year or owed from an earlier one. */
        Result result(String matiere) {
            return owed.owes(matiere) ? earlier.result(matiere) : outcome.element(matiere).result();
        }
    }

    private FirstSession firstSession(StudentRecord record) {
        String level = record.student().level();
        List<Semester> semesters = programme.semestersOf(level);
        EarlierLevels owed = new EarlierLevels(programme, profile, record);
        Map<String, MatiereOutcome> outcomes = new HashMap<>();
        List<StudentResult.MissingMark> missing = new ArrayList<>();
        // Art. 32: a debt matière is marked this year as any matière is; programme order puts it first.
        mark(record, owed.semesters(), owed::owes, outcomes, missing);
        mark(record, semesters, m -> true, outcomes, missing);
        Acquisition.Outcome outcome = Acquisition.decide(semesters, level, outcomes, record.rachats(), profile);
        EarlierLevels.Decided earlier = owed.decide(outcomes);
        List<StudentResult.Convocation> convocations = new ArrayList<>();
        Decision decision = sessionOneDecision(outcome.year().result());
        if (earlier.pending() && decision != Decision.DEF) {
            decision = Decision.ATT; // RULES §12.8: a debt's mark not entered yet holds the decision
        }
        if (decision != Decision.DEF && decision != Decision.ATT) {
            // Art. 25 for each level owed from that is still not acquired, restricted to what is owed.
            earlier.byLevel().forEach((l, o) -> {
                if (!o.year().result().acquired()) {
                    convocations(programme.semestersOf(l), o).stream().filter(c -> owed.owes(c.matiere()))
                            .forEach(convocations::add);
                }
            });
            if (decision == Decision.RAT) {
                convocations.addAll(convocations(semesters, outcome));
            } else if (!convocations.isEmpty()) {
                decision = Decision.RAT; // this year acquired, but debts to retake
            }
        }
        return new FirstSession(outcomes, outcome, owed, earlier, decision, convocations, missing);
    }

    /**
     * RULES §1, §2: the session-1 outcome of each matière of {@code semesters} that {@code marked} accepts, and its
     * missing marks. Exclusions are those of the student's year: a year's non-validation (Art. 88) covers the debts
     * sat in it too.
     */
    private void mark(StudentRecord record, List<Semester> semesters, Predicate<String> marked,
                      Map<String, MatiereOutcome> outcomes, List<StudentResult.MissingMark> missing) {
        Set<String> excluded = Exclusions.of(semesters, record.student().level(), record.attendance(),
                record.sanctions(), profile);
        Set<String> zeroed = Exclusions.zeroed(record.sanctions());
        for (Semester s : semesters) {
            for (Ue u : s.ues()) {
                for (Matiere m : u.matieres()) {
                    if (!marked.test(m.code())) {
                        continue;
                    }
                    MatiereMark mark = MatiereMark.sessionOne(m, record.sessionOne().get(m.code()),
                            record.replacement().get(m.code()), zeroed.contains(m.code()), profile);
                    mark.missing().forEach(c -> missing.add(new StudentResult.MissingMark(m.code(), c)));
                    outcomes.put(m.code(), MatiereOutcome.of(m, mark, excluded.contains(m.code()), 1, profile));
                }
            }
        }
    }

    /** RULES §12.9: DEF, ATT, the year's own code when acquired, else convoked to the rattrapage. */
    static Decision sessionOneDecision(Result year) {
        return switch (year) {
            case DEF -> Decision.DEF;
            case ATT -> Decision.ATT;
            case ADM -> Decision.ADM;
            case CMP -> Decision.CMP;
            case ADJ -> Decision.ADJ;
            default -> Decision.RAT;
        };
    }

    /**
     * Art. 25: every non-acquired matière of every non-acquired UE of every non-acquired semester; excluded matières
     * and the matières of compensated UEs only where the profile allows it.
     */
    private List<StudentResult.Convocation> convocations(List<Semester> semesters, Acquisition.Outcome outcome) {
        RulesProfile.Rattrapage rules = profile.rattrapage();
        List<StudentResult.Convocation> convocations = new ArrayList<>();
        for (Semester s : semesters) {
            if (outcome.element(s.code()).result().acquired()) {
                continue;
            }
            for (Ue u : s.ues()) {
                Result ue = outcome.element(u.code()).result();
                if (ue.acquired() && !(ue == Result.CMP && rules.compensatedUeRetake())) {
                    continue;
                }
                for (Matiere m : u.matieres()) {
                    Result r = outcome.element(m.code()).result();
                    if (r == Result.AJ || (r == Result.EXC && rules.excludedRetake())) {
                        convocations.add(new StudentResult.Convocation(m.code(), s.code()));
                    }
                }
            }
        }
        return convocations;
    }
}
