package org.delib.rules;

import java.util.List;
import java.util.Map;

/**
 * What a student admitted with debts (AJAC, Art. 32) owes from earlier levels, and what deciding those levels
 * again needs (RULES §7, §12.13).
 *
 * @param academicYear the earlier year whose final deliberation admitted the student with these debts
 * @param matieres     the matières owed, in programme order
 * @param earlier      the kept result of every matière of the levels owed from, by code, as the latest final
 *                     deliberations left them
 */
public record Debts(String academicYear, List<String> matieres, Map<String, ElementResult> earlier) {

    public static final Debts NONE = new Debts("", List.of(), Map.of());

    public Debts {
        matieres = List.copyOf(matieres);
        earlier = Map.copyOf(earlier);
    }
}
