package org.delib.rules;

import java.util.List;

/**
 * A student's deliberated year.
 *
 * @param elements      every matière, UE and semester in programme order (the year is {@code year})
 * @param convocations  matières the student sits at the rattrapage (session 1 only), in programme order
 * @param missing       marks not entered yet, for missing.csv
 * @param refusals      input rows that could not apply (a rachat on an element not AJ, a rattrapage mark without
 *                      convocation), with the reason
 * @param earlier       the earlier levels decided again with this year's marks of the debts: the debt matières, their
 *                      UEs and semesters, and each such level's year line, in programme order (empty without debts)
 */
public record StudentResult(Student student, List<ElementResult> elements, ElementResult year, Decision decision,
                            String nextLevel, List<String> debts, List<Convocation> convocations,
                            List<MissingMark> missing, List<Refusal> refusals, List<ElementResult> earlier) {

    /** A result without earlier levels decided again. */
    public StudentResult(Student student, List<ElementResult> elements, ElementResult year, Decision decision,
                         String nextLevel, List<String> debts, List<Convocation> convocations,
                         List<MissingMark> missing, List<Refusal> refusals) {
        this(student, elements, year, decision, nextLevel, debts, convocations, missing, refusals, List.of());
    }

    /** A matière the student is convoked to at the rattrapage. */
    public record Convocation(String matiere, String semester) {}

    /** A component of a matière still to be entered. */
    public record MissingMark(String matiere, Component component) {}

    /** An input that the rules refuse: the jury's rachat of {@code element}, or its rattrapage mark. */
    public record Refusal(Kind kind, String element, String reason) {
        public enum Kind { RACHAT, RATTRAPAGE_MARK }
    }
}
