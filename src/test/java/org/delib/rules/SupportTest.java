package org.delib.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.delib.rules.Fixtures.flat;
import static org.delib.rules.Fixtures.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.delib.rules.Fixtures.Record;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The tutoring list after a session, by hand (RULES §11), with the level {@code below} at 11.00. */
class SupportTest {

    private static final BigDecimal BELOW = new BigDecimal("11.00");

    private static Student student(String id, String level, boolean scholarship, String series) {
        return new Student(id, "Sow", "Fatou", level, 1, scholarship, series, "NONE");
    }

    private static ElementResult semester(String code, String mark, Result result) {
        return new ElementResult(code, ElementKind.SEMESTRE, mark == null ? null : new BigDecimal(mark), result,
                BigDecimal.ZERO, 1);
    }

    private static StudentResult result(Student student, ElementResult... semesters) {
        ElementResult year = new ElementResult(student.level(), ElementKind.ANNEE, null, Result.AJ, BigDecimal.ZERO, 1);
        return new StudentResult(student, List.of(semesters), year, Decision.RAT, "", List.of(), List.of(), List.of(),
                List.of());
    }

    /** L1 (semesters 1–2): S1 as given, S2 acquired at 12.00. */
    private static StudentResult l1(String id, boolean scholarship, String series, String s1, Result r1) {
        return result(student(id, "L1", scholarship, series), semester("S1", s1, r1), semester("S2", "12.00", Result.ADM));
    }

    @Test
    @DisplayName("RULES §11: after session 1, S1 = 8.61 AJ lists the scholarship holder first: \"S1 not acquired (8.61)\"")
    void afterSessionOne() {
        // S1: ANA1 6, ALGO1 (exam 6, CC 14, TP 12) 9.50, the others 9 → UEF11 8.10, S1 = (24.30 + 36)/7 = 8.61.
        Record rec = Record.allAt("12").semesterAt(Fixtures.S1, "9").set("ANA1", flat("6"))
                .set("ALGO1", row("6", "14", "12"));
        StudentResult r = new Deliberation(Fixtures.licenceInfo(), Fixtures.profile(false, false)).sessionOne(rec.build());
        assertThat(Support.assess(r, BELOW)).isEqualTo(new Support.Assessment("E001", true, 1, "S1 not acquired (8.61)"));
    }

    @Test
    @DisplayName("RULES §11, semesters 1–4: scholarship holders (1), then TECHNO and PRO (2), then GENERAL (3), then any other series (4)")
    void prioritiesInSemestersOneToFour() {
        List<StudentResult> results = new ArrayList<>(List.of(
                l1("E6", false, "GENERAL", "11.00", Result.ADM),   // 11.00 is not below 11.00: not listed
                l1("E5", false, "OTHER", "9.00", Result.AJ),
                l1("E4", false, "GENERAL", "9.00", Result.AJ),
                l1("E3", false, "PRO", "9.00", Result.AJ),
                l1("E2", false, "TECHNO", "10.50", Result.CMP),
                l1("E1", true, "GENERAL", "8.00", Result.AJ),
                result(student("E7", "M1", false, "TECHNO"), semester("S1", "9.00", Result.AJ),
                        semester("S2", "10.99", Result.ADM))));
        assertThat(Support.list(results, BELOW)).containsExactly(
                new Support.Assessment("E1", true, 1, "S1 not acquired (8.00)"),
                new Support.Assessment("E2", true, 2, "S1 10.50 below 11.00"),
                new Support.Assessment("E3", true, 2, "S1 not acquired (9.00)"),
                new Support.Assessment("E7", true, 2, "S1 not acquired (9.00); S2 10.99 below 11.00"), // a master: 1–4
                new Support.Assessment("E4", true, 3, "S1 not acquired (9.00)"),
                new Support.Assessment("E5", true, 4, "S1 not acquired (9.00)"));
        assertThat(Support.assess(results.get(0), BELOW)).isEqualTo(new Support.Assessment("E6", false, 0, ""));
    }

    @Test
    @DisplayName("RULES §11, semesters 5–6: scholarship holders (1), then only BTS, DUT or DEUST holders (2); a GENERAL non-holder is not listed")
    void prioritiesInSemestersFiveAndSix() {
        List<StudentResult> results = List.of(
                result(student("E1", "L3", false, "GENERAL"), semester("S5", "8.00", Result.AJ), semester("S6", "12.00", Result.ADM)),
                result(student("E2", "L3", false, "DUT"), semester("S5", "12.00", Result.ADM), semester("S6", "10.20", Result.CMP)),
                result(student("E3", "L3", true, "GENERAL"), semester("S5", "8.00", Result.AJ), semester("S6", "12.00", Result.ADM)),
                result(student("E4", "L3", false, "DEUST"), semester("S5", "12.00", Result.AJ), semester("S6", "12.00", Result.ADM)),
                result(student("E5", "L3", false, "TECHNO"), semester("S5", "9.00", Result.AJ), semester("S6", "12.00", Result.ADM)));
        assertThat(Support.list(results, BELOW)).containsExactly(
                new Support.Assessment("E3", true, 1, "S5 not acquired (8.00)"),
                new Support.Assessment("E2", true, 2, "S6 10.20 below 11.00"),
                new Support.Assessment("E4", true, 2, "S5 not acquired (12.00)")); // AJ by an exclusion
        Support.Assessment general = Support.assess(results.get(0), BELOW);
        assertThat(general.listed()).isFalse();
        assertThat(general.priority()).isZero();
        assertThat(general.reason()).startsWith("S5 not acquired (8.00) — not eligible");
        assertThat(Support.assess(results.get(4), BELOW).listed()).isFalse();
    }

    @Test
    @DisplayName("RULES §11, §12.8: a pending (ATT) semester is not judged; an abandoned one (DEF) is; a rachat's 10.00 (ADJ) is below 11.00")
    void pendingAbandonedAndRachat() {
        StudentResult pending = result(student("E1", "L1", false, "GENERAL"), semester("S1", null, Result.ATT),
                semester("S2", "12.00", Result.ADM));
        assertThat(Support.assess(pending, BELOW).listed()).isFalse();
        StudentResult abandoned = result(student("E2", "L1", false, "PRO"), semester("S1", "12.00", Result.ADM),
                semester("S2", "0.00", Result.DEF));
        assertThat(Support.assess(abandoned, BELOW)).isEqualTo(new Support.Assessment("E2", true, 2, "S2 abandoned (DEF)"));
        StudentResult raised = result(student("E3", "L2", false, "GENERAL"), semester("S3", "10.00", Result.ADJ),
                semester("S4", "11.50", Result.ADM));
        assertThat(Support.assess(raised, BELOW)).isEqualTo(new Support.Assessment("E3", true, 3, "S3 10.00 below 11.00"));
        assertThatThrownBy(() -> Support.assess(raised, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
