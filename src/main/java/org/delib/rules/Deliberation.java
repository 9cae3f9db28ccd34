package org.delib.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        String level = record.student().level();
        List<Semester> semesters = programme.semestersOf(level);
        Set<String> excluded = Exclusions.of(semesters, level, record.attendance(), record.sanctions(), profile);
        Set<String> zeroed = Exclusions.zeroed(record.sanctions());
        Map<String, MatiereOutcome> outcomes = new HashMap<>();
        List<StudentResult.MissingMark> missing = new ArrayList<>();
        for (Semester s : semesters) {
            for (Ue u : s.ues()) {
                for (Matiere m : u.matieres()) {
                    MatiereMark mark = MatiereMark.sessionOne(m, record.sessionOne().get(m.code()),
                            record.replacement().get(m.code()), zeroed.contains(m.code()), profile);
                    mark.missing().forEach(c -> missing.add(new StudentResult.MissingMark(m.code(), c)));
                    outcomes.put(m.code(), MatiereOutcome.of(m, mark, excluded.contains(m.code()), 1, profile));
                }
            }
        }
        Acquisition.Outcome outcome = Acquisition.decide(semesters, level, outcomes, record.rachats(), profile);
        Decision decision = sessionOneDecision(outcome.year().result());
        List<StudentResult.Convocation> convocations = decision == Decision.RAT
                ? convocations(semesters, outcome) : List.of();
        String next = switch (decision) {
            case ADM, CMP, ADJ -> programme.cycle().nextLevel(level);
            default -> "";
        };
        return new StudentResult(record.student(), outcome.elements(), outcome.year(), decision, next, List.of(),
                convocations, missing, outcome.refused());
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
