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

    /**
     * What is still owed (RULES §12.13 on the latest results): a debt whose matière, UE or semester a later year's
     * run decided again as acquired is paid off, whatever that year's decision — a student AJAC in L1 then RED in L2
     * still owes what the L2 year did not pay off.
     *
     * @param history the student's earlier lines, where the UEs and semesters decided again are the latest
     */
    public Debts stillOwed(Programme programme, History history) {
        Map<String, Semester> semesterOf = programme.semesterOfMatiere();
        List<String> still = matieres.stream().filter(m -> {
            ElementResult kept = earlier.get(m);
            Semester s = semesterOf.get(m);
            return (kept == null || !kept.result().acquired()) && (s == null || !acquired(history, s.code())
                    && s.ues().stream().filter(u -> u.matieres().stream().anyMatch(x -> x.code().equals(m)))
                            .noneMatch(u -> acquired(history, u.code())));
        }).toList();
        return still.equals(matieres) ? this : new Debts(academicYear, still, earlier);
    }

    private static boolean acquired(History history, String code) {
        return history.latest(code).map(l -> l.result().acquired()).orElse(false);
    }
}
