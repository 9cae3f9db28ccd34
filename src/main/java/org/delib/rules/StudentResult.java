package org.delib.rules;

import java.util.List;
import java.util.Map;

/**
 * A student's deliberated year.
 *
 * @param elements      every matière, UE and semester in programme order (the year is {@code year})
 * @param convocations  matières the student sits at the rattrapage (session 1 only), in programme order
 * @param missing       marks not entered yet, for missing.csv
 * @param refusedRachats rachats that could not apply, with the reason
 */
public record StudentResult(Student student, List<ElementResult> elements, ElementResult year, Decision decision,
                            String nextLevel, List<String> debts, List<Convocation> convocations,
                            List<MissingMark> missing, Map<String, String> refusedRachats) {

    /** A matière the student is convoked to at the rattrapage. */
    public record Convocation(String matiere, String semester) {}

    /** A component of a matière still to be entered. */
    public record MissingMark(String matiere, Component component) {}
}
