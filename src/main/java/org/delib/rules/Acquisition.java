package org.delib.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * UE, semester and year acquisition, directly or by compensation, with capitalised credits (Art. 16, 17, 23, 24,
 * 27, 28; RULES §3–5, §12.6–12.8) and the jury's rachats (Art. 51; RULES §8, §12.16).
 */
public final class Acquisition {

    private Acquisition() {}

    /**
     * @param elements every matière, UE and semester of the year, in programme order, then the year
     * @param year     the year's line (its code is the level)
     * @param refused  rachats that could not apply, by element code, with the reason
     */
    public record Outcome(List<ElementResult> elements, ElementResult year, Map<String, String> refused) {

        /** The refused rachats as refusals of the jury's rows. */
        public List<StudentResult.Refusal> refusals() {
            return refused.entrySet().stream().map(e -> new StudentResult.Refusal(StudentResult.Refusal.Kind.RACHAT,
                    e.getKey(), e.getValue())).sorted(java.util.Comparator.comparing(StudentResult.Refusal::element))
                    .toList();
        }

        public ElementResult element(String code) {
            return elements.stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
        }
    }

    /**
     * Decides the year of {@code level} from its matières' outcomes. {@code rachats} names the elements the jury
     * raised; each applies only to an element whose result is {@code AJ}.
     */
    public static Outcome decide(List<Semester> semesters, String level, Map<String, MatiereOutcome> matieres,
                                 Set<String> rachats, RulesProfile profile) {
        Ledger ledger = new Ledger(rachats, profile);
        List<ElementResult> semesterResults = new ArrayList<>();
        List<Averages.Weighted> yearTerms = new ArrayList<>();
        boolean yearExcluded = false;
        for (Semester s : semesters) {
            List<ElementResult> ues = new ArrayList<>();
            boolean semesterExcluded = false;
            boolean semesterHasScore = false;
            for (Ue u : s.ues()) {
                List<ElementResult> ms = new ArrayList<>();
                for (Matiere m : u.matieres()) {
                    MatiereOutcome o = matieres.get(m.code());
                    semesterHasScore |= o.hasScore();
                    ms.add(ledger.rachat(new ElementResult(m.code(), ElementKind.MATIERE, o.mark(), o.result(),
                            o.result().acquired() ? m.credits() : BigDecimal.ZERO, o.session()), m.credits()));
                }
                boolean ueExcluded = ms.stream().anyMatch(e -> e.result() == Result.EXC);
                // RULES §12.8: a missing mark makes the UE pending even under an exclusion that settles its matière.
                boolean uePending = u.matieres().stream().anyMatch(m -> matieres.get(m.code()).pending());
                semesterExcluded |= ueExcluded;
                ElementResult ue = ledger.rachat(level(u.code(), ElementKind.UE,
                        average(ms, u.matieres(), Matiere::coefficient, profile), ms, u.credits(), uePending,
                        !ueExcluded, profile), u.credits());
                ues.add(ue);
                yearTerms.add(new Averages.Weighted(ue.mark(), u.coefficient()));
            }
            ElementResult semester = level(s.code(), ElementKind.SEMESTRE,
                    average(ues, s.ues(), Ue::coefficient, profile), ues, s.credits(), false, !semesterExcluded,
                    profile);
            if (!semesterHasScore) {
                // Art. 7: not a single mark in the semester is an abandonment, whatever else was entered.
                semester = new ElementResult(s.code(), ElementKind.SEMESTRE, semester.mark(), Result.DEF,
                        semester.credits(), semester.session());
            }
            semesterResults.add(ledger.rachat(semester, s.credits()));
            yearExcluded |= semesterExcluded;
        }
        BigDecimal yearCredits = semesters.stream().map(Semester::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        // Art. 28: the year mark comes from the UE marks of both semesters, not from the semester marks.
        ElementResult year = ledger.rachat(level(level, ElementKind.ANNEE, Averages.of(yearTerms, profile.decimals()),
                semesterResults, yearCredits, false, profile.annualCompensation() && !yearExcluded, profile),
                yearCredits);
        return new Outcome(List.copyOf(ledger.elements), year, Map.copyOf(ledger.refused));
    }

    /**
     * One level from the level below (RULES §3, §4, §5 and §12.6–12.8): DEF and ATT rise, {@code ADM} when every
     * element below is acquired, {@code CMP} when compensation is open and the mark reaches the pass mark.
     */
    private static ElementResult level(String code, ElementKind kind, BigDecimal mark, List<ElementResult> below,
                                       BigDecimal fullCredits, boolean pending, boolean compensation,
                                       RulesProfile profile) {
        Result result;
        if (below.stream().anyMatch(e -> e.result() == Result.DEF)) {
            result = Result.DEF;
        } else if (pending || below.stream().anyMatch(e -> e.result() == Result.ATT)) {
            result = Result.ATT;
        } else if (below.stream().allMatch(e -> e.result().acquired())) {
            result = Result.ADM;
        } else if (compensation && profile.passes(mark)) {
            result = Result.CMP;
        } else {
            result = Result.AJ;
        }
        BigDecimal credits = result.acquired() ? fullCredits
                : below.stream().map(ElementResult::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        int session = below.stream().anyMatch(e -> e.session() == 2) ? 2 : 1;
        return new ElementResult(code, kind, mark, result, credits, session);
    }

    /** The average of the marks below, each weighed by the coefficient of its element in the maquette. */
    private static <T> BigDecimal average(List<ElementResult> marks, List<T> elements,
                                          Function<T, BigDecimal> coefficient, RulesProfile profile) {
        List<Averages.Weighted> terms = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            terms.add(new Averages.Weighted(marks.get(i).mark(), coefficient.apply(elements.get(i))));
        }
        return Averages.of(terms, profile.decimals());
    }

    /** Records every element in order and applies the jury's rachats as the levels are decided, bottom-up. */
    private static final class Ledger {
        private final Set<String> rachats;
        private final RulesProfile profile;
        private final List<ElementResult> elements = new ArrayList<>();
        private final Map<String, String> refused = new LinkedHashMap<>();

        Ledger(Set<String> rachats, RulesProfile profile) {
            this.rachats = rachats;
            this.profile = profile;
        }

        /** Applies the rachat on {@code e}, if any, then records it. */
        ElementResult rachat(ElementResult e, BigDecimal fullCredits) {
            ElementResult decided = e;
            if (rachats.contains(e.code())) {
                if (e.result() == Result.AJ) {
                    // Art. 51: raised to exactly the pass mark, and acquired with all its credits.
                    decided = new ElementResult(e.code(), e.kind(), profile.round(profile.passMark()), Result.ADJ,
                            fullCredits, e.session());
                } else {
                    refused.put(e.code(), "a rachat applies only to a failed (AJ) element; " + e.code() + " is "
                            + e.result());
                }
            }
            if (e.kind() != ElementKind.ANNEE) {
                elements.add(decided);
            }
            return decided;
        }
    }
}
