package org.delib.reports.pv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.delib.rules.Component;
import org.delib.rules.Cycle;
import org.delib.rules.Deliberation;
import org.delib.rules.Entry;
import org.delib.rules.History;
import org.delib.rules.MarkRow;
import org.delib.rules.Matiere;
import org.delib.rules.Nature;
import org.delib.rules.Programme;
import org.delib.rules.RulesProfile;
import org.delib.rules.Semester;
import org.delib.rules.Student;
import org.delib.rules.StudentRecord;
import org.delib.rules.StudentResult;
import org.delib.rules.Ue;

/**
 * A small L1 maquette with accented titles, and a known cohort deliberated by the rules library itself, so that the
 * documents are checked against real results. Marks are flat (exam = CC), so each matière's mark is the one given.
 *
 * <pre>
 * S1: UEF11 Mathématiques c3 (ANA1 c2 8cr, ALG1 c2 7cr), UEM11 Méthodologie c2 (PROG1 9cr), UET11 Langues c1 (ANG1 6cr)
 * S2: UEF21 Informatique théorique c3 (ALGO2 c3 10cr, LOG2 c1 5cr), UEM21 Systèmes c2 (SYS2 9cr),
 *     UET21 Expression c1 (FR2 6cr)
 * </pre>
 */
final class PvFixtures {

    private PvFixtures() {}

    static final RulesProfile PROFILE = RulesProfile.defaults();
    static final List<String> S1 = List.of("ANA1", "ALG1", "PROG1", "ANG1");
    static final List<String> S2 = List.of("ALGO2", "LOG2", "SYS2", "FR2");
    static final String FORMULA_NAME = "=HYPERLINK(\"http://example.invalid\",\"clic\")";

    static Programme programme() {
        Semester s1 = new Semester("S1", "L1", List.of(
                ue("UEF11", "Mathématiques", 3, matiere("ANA1", "Analyse 1", 2, 8), matiere("ALG1", "Algèbre 1", 2, 7)),
                ue("UEM11", "Méthodologie", 2, matiere("PROG1", "Programmation impérative", 2, 9)),
                ue("UET11", "Langues", 1, matiere("ANG1", "Anglais", 1, 6))));
        Semester s2 = new Semester("S2", "L1", List.of(
                ue("UEF21", "Informatique théorique", 3, matiere("ALGO2", "Algorithmique", 3, 10),
                        matiere("LOG2", "Logique", 1, 5)),
                ue("UEM21", "Systèmes", 2, matiere("SYS2", "Systèmes d'exploitation", 2, 9)),
                ue("UET21", "Expression", 1, matiere("FR2", "Expression écrite et orale", 1, 6))));
        return new Programme("LIC-INFO", "Licence Informatique", Cycle.LICENCE, "lmd-unipro", List.of(s1, s2),
                List.of());
    }

    static PvHeader header(boolean corrective) {
        return new PvHeader("Université de Thiès — UFR Sciences et Technologies", "LIC-INFO", "Licence Informatique",
                "2025-2026", 1, LocalDate.of(2026, 7, 12), corrective);
    }

    /**
     * E001 all 14 → ADM; E002 (a formula as last name) all 11 → ADM; E003 S1 at 13, UEF21 at 6 → S2 9.00 AJ, year
     * 11.00 CMP; E004 all 8 → RAT, convoked to all 8 matières; E005 UEF11 at 9, raised by rachat → 10.00 ADJ (its
     * second rachat, on ANG1 which is ADM, is refused); E006 has no ANG1 mark → ATT.
     */
    static List<StudentResult> cohort() {
        Deliberation d = new Deliberation(programme(), PROFILE);
        List<StudentResult> all = new ArrayList<>();
        all.add(d.sessionOne(record(student("E001", "Diop", "Ndèye Aïssatou"), marks("14"), Set.of())));
        all.add(d.sessionOne(record(student("E002", FORMULA_NAME, "Moussa"), marks("11"), Set.of())));
        Map<String, MarkRow> e003 = marks("13");
        S2.forEach(m -> e003.put(m, flat("12")));
        e003.put("ALGO2", flat("6"));
        e003.put("LOG2", flat("6"));
        all.add(d.sessionOne(record(student("E003", "Ba", "Ousmane"), e003, Set.of())));
        all.add(d.sessionOne(record(student("E004", "Sow", "Fatou"), marks("8"), Set.of())));
        Map<String, MarkRow> e005 = marks("15");
        e005.put("ANA1", flat("9"));
        e005.put("ALG1", flat("9"));
        S2.forEach(m -> e005.put(m, flat("12")));
        all.add(d.sessionOne(record(student("E005", "Fall", "Cheikh"), e005, Set.of("UEF11", "ANG1"))));
        Map<String, MarkRow> e006 = marks("12");
        e006.remove("ANG1");
        all.add(d.sessionOne(record(student("E006", "Ndiaye", "Mame Diarra"), e006, Set.of())));
        return all;
    }

    /** jury.csv of the cohort: E005's two rachats. */
    static Map<String, List<Rachat>> rachats() {
        return Map.of("E005", List.of(new Rachat("UEF11", "Assiduité exemplaire, décision unanime"),
                new Rachat("ANG1", "Erreur de saisie")));
    }

    /** {@code n} more students, E101…, all at 12 but every third at 8, to fill several pages. */
    static List<StudentResult> filler(int n) {
        Deliberation d = new Deliberation(programme(), PROFILE);
        List<StudentResult> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(d.sessionOne(record(student(String.format("E%d", 101 + i), "Nom" + i, "Prénom" + i),
                    marks(i % 3 == 0 ? "8" : "12"), Set.of())));
        }
        return all;
    }

    static Student student(String id, String lastName, String firstName) {
        return new Student(id, lastName, firstName, "L1", 1, false, "GENERAL", "NONE");
    }

    /** Every matière of the year at {@code mark}. */
    static Map<String, MarkRow> marks(String mark) {
        Map<String, MarkRow> m = new HashMap<>();
        S1.forEach(c -> m.put(c, flat(mark)));
        S2.forEach(c -> m.put(c, flat(mark)));
        return m;
    }

    static MarkRow flat(String mark) {
        return new MarkRow(Entry.score(mark), Entry.score(mark), Entry.EMPTY);
    }

    /** The one place that knows StudentRecord's shape. */
    static StudentRecord record(Student s, Map<String, MarkRow> marks, Set<String> rachats) {
        return new StudentRecord(s, marks, Map.of(), Map.of(), Map.of(), List.of(), rachats, History.NONE);
    }

    private static Matiere matiere(String code, String title, int coefficient, int credits) {
        return new Matiere(code, title, BigDecimal.valueOf(coefficient), BigDecimal.valueOf(credits),
                Map.of(Component.EXAM, BigDecimal.valueOf(2), Component.CC, BigDecimal.ONE), 0);
    }

    private static Ue ue(String code, String title, int coefficient, Matiere... matieres) {
        return new Ue(code, title, Nature.FONDAMENTALE, BigDecimal.valueOf(coefficient), false, List.of(matieres));
    }
}
