package org.delib.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.delib.rules.Fixtures.Record;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Placement into the specialities, by hand (Art. 57; RULES §10). */
class OrientationTest {

    private static Speciality gl(int capacity) {
        return new Speciality("GL", "Génie logiciel", capacity, List.of("UEF21"), null);
    }

    private static Speciality res(int capacity) {
        return new Speciality("RES", "Réseaux", capacity, List.of(), new BigDecimal("10.00"));
    }

    private static Orientation.Candidate candidate(String id, Decision decision, String yearMark, String... acquired) {
        return new Orientation.Candidate(id, decision, yearMark == null ? null : new BigDecimal(yearMark),
                Set.of(acquired));
    }

    @Test
    @DisplayName("Art. 57: in ranking order — GL (1 place) goes to E1, full for E2 who gets RES, their second wish")
    void fullSpecialitySendsToSecondWish() {
        List<Orientation.Placement> placements = Orientation.place(List.of(gl(1), res(2)), List.of(
                        candidate("E1", Decision.ADM, "14.00", "UEF21"),
                        candidate("E2", Decision.ADM, "13.00", "UEF21"),
                        candidate("E3", Decision.CMP, "10.00", "UEF21"),
                        candidate("E4", Decision.ADM, "12.00", "UEF21")),
                Map.of("E1", List.of("GL", "RES"), "E2", List.of("GL", "RES"), "E3", List.of("RES"),
                        "E4", List.of("GL", "RES")));
        assertThat(placements).containsExactly(
                new Orientation.Placement("E1", "GL", 1, ""),
                new Orientation.Placement("E2", "RES", 2, ""),
                new Orientation.Placement("E3", "RES", 1, ""), // 10.00 reaches the minimum 10.00
                new Orientation.Placement("E4", "", 0, "GL: full (capacity 1); RES: full (capacity 2)"));
    }

    @Test
    @DisplayName("Art. 57: conditions — without UEF21 GL is refused; a year mark 9.50 below RES's 10.00 leaves no place")
    void conditionNotMet() {
        List<Orientation.Placement> placements = Orientation.place(List.of(gl(5), res(5)), List.of(
                        candidate("E1", Decision.ADM, "11.00"),
                        candidate("E2", Decision.AJAC, "9.50"),
                        candidate("E3", Decision.AJAC, "9.50", "UEF21")),
                Map.of("E1", List.of("GL", "RES"), "E2", List.of("GL", "RES"), "E3", List.of("RES", "GL")));
        assertThat(placements).containsExactly(
                new Orientation.Placement("E1", "RES", 2, ""),
                new Orientation.Placement("E2", "", 0,
                        "GL: UEF21 not acquired; RES: year mark 9.50 below 10.00"),
                new Orientation.Placement("E3", "GL", 2, ""));
    }

    @Test
    @DisplayName("Art. 57, RULES §7: only admitted students (ADM, CMP, ADJ, AJAC) are placed; the others are listed with the reason")
    void onlyAdmittedStudents() {
        Map<String, List<String>> wishes = Map.of("E1", List.of("RES"), "E2", List.of("RES"), "E4", List.of("BIO", "RES"),
                "E5", List.of("RES"));
        List<Orientation.Placement> placements = Orientation.place(List.of(res(5)), List.of(
                candidate("E1", Decision.RED, "12.00"),
                candidate("E2", Decision.DIPL, "12.00"),
                candidate("E3", Decision.ADM, "12.00"),
                candidate("E4", Decision.ADJ, "10.00"),
                candidate("E5", Decision.NAR, "12.00")), wishes);
        assertThat(placements).containsExactly(
                new Orientation.Placement("E1", "", 0, "not admitted (RED)"),
                new Orientation.Placement("E2", "", 0, "not admitted (DIPL)"),
                new Orientation.Placement("E3", "", 0, "no wish"),
                new Orientation.Placement("E4", "RES", 2, ""),
                new Orientation.Placement("E5", "", 0, "not admitted (NAR)"));
        assertThat(placements.get(3).placed()).isTrue();
        assertThat(placements.get(0).placed()).isFalse();
    }

    /**
     * L2 at 12 everywhere this year (S3, S4 ADM); history S1 ADM, S2 AJ with UEF21 CMP and UEM21 AJ: 30 + 20 + 60 =
     * 110 ≥ 90 credits over S1–S4 with every required UE acquired → AJAC.
     */
    @Test
    @DisplayName("RULES §12.12: a UE counts as acquired if it is or its semester is — UEF21 CMP counts, UEM21 AJ in S2 AJ does not")
    void candidateFromResults() {
        Record rec = Record.levelAt("L2", "12").earlier("S1", "30", Result.ADM).earlier("S2", "20", Result.AJ)
                .earlier("UEF21", "14", Result.CMP).earlier("UEM21", "0", Result.AJ);
        Programme programme = Fixtures.fullLicence();
        StudentResult result = new Deliberation(programme, RulesProfile.defaults()).sessionTwo(rec.build());
        assertThat(result.decision()).isEqualTo(Decision.AJAC);

        Orientation.Candidate c = Orientation.Candidate.of(programme, result, new History(rec.history));
        assertThat(c.decision()).isEqualTo(Decision.AJAC);
        assertThat(c.yearMark()).isEqualTo("12.00");
        assertThat(c.acquired()).contains("S1", "UEF11", "UEM11", "UEF21", "S3", "UEF-S3", "S4", "UET-S4")
                .doesNotContain("S2", "UEM21", "UED21", "S5", "UEF-S5");

        Speciality needsUem21 = new Speciality("SYS", "Systèmes", 3, List.of("UEF21", "UEM21"), null);
        assertThat(Orientation.place(List.of(needsUem21, gl(3)), List.of(c), Map.of("E001", List.of("SYS", "GL"))))
                .containsExactly(new Orientation.Placement("E001", "GL", 2, ""));
    }
}
