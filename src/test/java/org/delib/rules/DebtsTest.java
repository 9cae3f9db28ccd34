package org.delib.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delib.rules.Fixtures.e;
import static org.delib.rules.Fixtures.flat;

import java.util.List;
import org.delib.rules.Fixtures.Record;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Debts carried into the next year and paid off there, computed by hand (Art. 32; RULES §5–7, §12.13). The full
 * licence of {@link Fixtures}, default profile (annual compensation on).
 */
class DebtsTest {

    private final Deliberation licence = new Deliberation(Fixtures.fullLicence(), RulesProfile.defaults());

    /**
     * L1 in 2025-2026, the rattrapage not sat: ANA1 2, ALGO1 4, the rest of S1 12, S2 all 10.
     * UEF11 = (2×2 + 4×3)/5 = 3.20 AJ; S1 = (3.20×3 + 12×4)/7 = 57.60/7 = 8.23 AJ with 16 credits; S2 10.00 ADM;
     * year = (57.60 + 70)/14 = 9.11 AJ with 46 credits ≥ 30, each semester ≥ 10: AJAC, debts ANA1|ALGO1.
     */
    private StudentResult owingUef11() {
        StudentResult l1 = licence.sessionTwo(Record.levelAt("L1", "12").semesterAt(Fixtures.S2, "10")
                .set("ANA1", flat("2")).set("ALGO1", flat("4")).build());
        assertThat(l1.decision()).isEqualTo(Decision.AJAC);
        assertThat(l1.debts()).containsExactly("ANA1", "ALGO1");
        return l1;
    }

    /**
     * L1 in 2025-2026: PROG1 2, ARCH1 2, the rest of S1 12, S2 all 10. UEM11 = (2×2 + 2)/3 = 2.00 AJ; S1 = (36 + 4
     * + 24)/7 = 9.14 AJ with 20 credits; year = (64 + 70)/14 = 9.57 AJ with 50 credits: AJAC, debts PROG1|ARCH1 (a
     * UE that is not required).
     */
    private StudentResult owingUem11() {
        StudentResult l1 = licence.sessionTwo(Record.levelAt("L1", "12").semesterAt(Fixtures.S2, "10")
                .set("PROG1", flat("2")).set("ARCH1", flat("2")).build());
        assertThat(l1.debts()).containsExactly("PROG1", "ARCH1");
        return l1;
    }

    /** In L2 in 2026-2027, every L2 matière at 12 (S3, S4 and the year ADM), after {@link #owingUef11()}. */
    private Record inL2(StudentResult l1) {
        return Record.levelAt("L2", "12").years(2).after("2025-2026", l1);
    }

    private static List<String> lines(List<ElementResult> elements) {
        return elements.stream().map(e -> e.code() + " " + Fixtures.mark(e) + " " + e.result() + " "
                + e.credits().stripTrailingZeros().toPlainString() + " s" + e.session()).toList();
    }

    @Test
    @DisplayName("RULES §7 Art. 32: an L1 debt paid off in L2 makes S1 acquired, L2→L3 ADM")
    void debtPaidOff() {
        Record rec = inL2(owingUef11()).set("ANA1", flat("11")).set("ALGO1", flat("10"));
        // UEF11 = (11×2 + 10×3)/5 = 10.40 ADM; S1 = (31.20 + 48)/7 = 11.31 ADM; L1 = (79.20 + 70)/14 = 10.66 ADM
        List<String> l1 = List.of("ANA1 11.00 ADM 6 s1", "ALGO1 10.00 ADM 8 s1", "UEF11 10.40 ADM 14 s1",
                "S1 11.31 ADM 30 s1", "L1 10.66 ADM 60 s1");
        StudentResult one = licence.sessionOne(rec.build());
        assertThat(lines(one.earlier())).containsExactlyElementsOf(l1);
        assertThat(one.decision()).isEqualTo(Decision.ADM);
        assertThat(one.convocations()).isEmpty();

        StudentResult two = licence.sessionTwo(rec.build());
        assertThat(lines(two.earlier())).containsExactlyElementsOf(l1);
        assertThat(two.decision()).isEqualTo(Decision.ADM);
        assertThat(two.nextLevel()).isEqualTo("L3");
        assertThat(two.debts()).isEmpty();
    }

    @Test
    @DisplayName("RULES §4, §6 Art. 32: a debt still failed is paid off by compensation in its semester: S1 CMP, L2→L3 ADM")
    void debtPaidOffByCompensation() {
        Record rec = inL2(owingUef11()).set("ANA1", flat("12")).set("ALGO1", flat("8"));
        // ALGO1 8 > 4 replaces the earlier mark but stays AJ (RULES §12.6); UEF11 = (24 + 24)/5 = 9.60 AJ with 6
        // credits; S1 = (28.80 + 48)/7 = 10.97 CMP; both semesters acquired: L1 = (28.80 + 48 + 70)/14 = 10.49 ADM.
        StudentResult one = licence.sessionOne(rec.build());
        assertThat(lines(one.earlier())).containsExactly("ANA1 12.00 ADM 6 s1", "ALGO1 8.00 AJ 0 s1",
                "UEF11 9.60 AJ 6 s1", "S1 10.97 CMP 30 s1", "L1 10.49 ADM 60 s1");
        // Art. 25: a level acquired again convokes nobody.
        assertThat(one.convocations()).isEmpty();
        assertThat(one.decision()).isEqualTo(Decision.ADM);
        assertThat(licence.sessionTwo(rec.build()).decision()).isEqualTo(Decision.ADM);
    }

    @Test
    @DisplayName("RULES §6, §7 Art. 25, 26, 32: a debt failed again is convoked, best-of applies; the required UEF11 still failed: RED")
    void debtFailedAgain() {
        Record rec = inL2(owingUef11()).set("ANA1", flat("3")).set("ALGO1", flat("3"));
        // Session 1: ANA1 3 > 2 replaces, ALGO1 3 < 4 keeps the earlier 4.00 (and its session). UEF11 = (6 + 12)/5
        // = 3.60; S1 = (10.80 + 48)/7 = 8.40 AJ; L1 = (10.80 + 48 + 70)/14 = 9.20 AJ. L2 acquired, yet RAT.
        StudentResult one = licence.sessionOne(rec.build());
        assertThat(lines(one.earlier())).containsExactly("ANA1 3.00 AJ 0 s1", "ALGO1 4.00 AJ 0 s1",
                "UEF11 3.60 AJ 0 s1", "S1 8.40 AJ 16 s1", "L1 9.20 AJ 46 s1");
        assertThat(one.decision()).isEqualTo(Decision.RAT);
        assertThat(one.convocations()).containsExactly(new StudentResult.Convocation("ANA1", "S1"),
                new StudentResult.Convocation("ALGO1", "S1"));

        // Rattrapage: ANA1 (5×2 + 3)/3 = 4.33; ALGO1 (6×2 + 3 + 3)/4 = 4.50 > 4.00. UEF11 = (8.66 + 13.50)/5 = 4.43;
        // S1 = (13.29 + 48)/7 = 8.76 AJ; L1 = (13.29 + 48 + 70)/14 = 9.38 AJ, all session 2 (RULES §12.11).
        rec.s2.put("ANA1", e("5"));
        rec.s2.put("ALGO1", e("6"));
        StudentResult two = licence.sessionTwo(rec.build());
        assertThat(lines(two.earlier())).containsExactly("ANA1 4.33 AJ 0 s2", "ALGO1 4.50 AJ 0 s2",
                "UEF11 4.43 AJ 0 s2", "S1 8.76 AJ 16 s2", "L1 9.38 AJ 46 s2");
        // L2 → L3: S1 not acquired; 16 + 90 = 106 credits but the required UEF11 (and S1) failed: RED, no debts.
        assertThat(two.decision()).isEqualTo(Decision.RED);
        assertThat(two.nextLevel()).isEqualTo("L2");
        assertThat(two.debts()).isEmpty();
    }

    @Test
    @DisplayName("RULES §7, §12.13 Art. 32: debts failed again stay owed; AJAC again owes the union in programme order")
    void unionOfDebts() {
        // S4: PROG-S4 4, ARCH-S4 4: UEM-S4 = 4.00 AJ; S4 = (36 + 8 + 24)/7 = 9.71 AJ with 20 credits; L2 = (84 + 68)/14
        // = 10.86 CMP. Debts: PROG1 3 > 2 replaces, ARCH1 1 < 2 keeps 2.00: UEM11 = (6 + 2)/3 = 2.67; S1 = (36 +
        // 5.34 + 24)/7 = 9.33 AJ with 20 credits; L1 = (65.34 + 70)/14 = 9.67 AJ.
        Record rec = inL2(owingUem11()).semesterAt(List.of("PROG-S4", "ARCH-S4"), "4")
                .set("PROG1", flat("3")).set("ARCH1", flat("1"));
        StudentResult one = licence.sessionOne(rec.build());
        assertThat(one.year().result()).isEqualTo(Result.CMP);
        // The L2 year is acquired, so only the debts are convoked (Art. 25).
        assertThat(one.decision()).isEqualTo(Decision.RAT);
        assertThat(one.convocations()).extracting(StudentResult.Convocation::matiere).containsExactly("PROG1", "ARCH1");

        StudentResult two = licence.sessionTwo(rec.build());
        assertThat(lines(two.earlier())).containsExactly("PROG1 3.00 AJ 0 s1", "ARCH1 2.00 AJ 0 s1",
                "UEM11 2.67 AJ 0 s1", "S1 9.33 AJ 20 s1", "L1 9.67 AJ 50 s1");
        // L2 → L3 with debts: 20 + 30 + 30 + 20 = 100 ≥ 90 credits, every required UE acquired.
        assertThat(two.decision()).isEqualTo(Decision.AJAC);
        assertThat(two.nextLevel()).isEqualTo("L3");
        assertThat(two.debts()).containsExactly("PROG1", "ARCH1", "PROG-S4", "ARCH-S4");
    }

    @Test
    @DisplayName("Art. 68, RULES §12.14: L1 and L2 debts paid off in L3 count in the cycle's 180 credits: DIPL")
    void diplomaAfterDebtsPaidOff() {
        Record l2 = inL2(owingUem11()).semesterAt(List.of("PROG-S4", "ARCH-S4"), "4")
                .set("PROG1", flat("3")).set("ARCH1", flat("1"));
        StudentResult secondYear = licence.sessionTwo(l2.build());
        // L3 in 2027-2028, everything at 12; the debts at 12 make UEM11, S1, L1 and UEM-S4, S4, L2 acquired:
        // S1 = 12.00 ADM, L1 = (84 + 70)/14 = 11.00 ADM 60; S4 12.00, L2 12.00 ADM 60.
        Record rec = Record.levelAt("L3", "12").years(3).after("2025-2026", owingUem11())
                .after("2026-2027", secondYear).semesterAt(secondYear.debts(), "12");
        StudentResult three = licence.sessionTwo(rec.build());
        assertThat(lines(three.earlier())).containsExactly("PROG1 12.00 ADM 6 s1", "ARCH1 12.00 ADM 4 s1",
                "UEM11 12.00 ADM 10 s1", "S1 12.00 ADM 30 s1", "L1 11.00 ADM 60 s1",
                "PROG-S4 12.00 ADM 6 s1", "ARCH-S4 12.00 ADM 4 s1", "UEM-S4 12.00 ADM 10 s1", "S4 12.00 ADM 30 s1",
                "L2 12.00 ADM 60 s1");
        // 60 + 60 + 60 = 180: without the debts decided again, L1's 50 credits would leave it at 170.
        assertThat(three.decision()).isEqualTo(Decision.DIPL);
    }

    @Test
    @DisplayName("RULES §7, §12.13 Art. 32, 33: AJAC in L1 owing PROG1 and ARCH1, RED in L2 having paid ARCH1 only: "
            + "PROG1 is still owed in L2 again, and L1 is decided again there")
    void debtOwedAfterARepeatedYear() {
        // 2026-2027, L2 all at 5, no rattrapage: ARCH1 10 ADM, PROG1 2 < 2.00 keeps 2.00. UEM11 = (4 + 10)/3 = 4.67 AJ;
        // S1 = (36 + 9.34 + 24)/7 = 9.91 AJ with 24 credits; S3, S4 5.00 with 0: 54 < 90 credits, RED.
        Record l2 = Record.levelAt("L2", "5").years(2).after("2025-2026", owingUem11())
                .set("PROG1", flat("2")).set("ARCH1", flat("10"));
        StudentResult red = licence.sessionTwo(l2.build());
        assertThat(lines(red.earlier())).containsExactly("PROG1 2.00 AJ 0 s1", "ARCH1 10.00 ADM 4 s1",
                "UEM11 4.67 AJ 4 s1", "S1 9.91 AJ 24 s1", "L1 9.95 AJ 54 s1");
        assertThat(red.decision()).isEqualTo(Decision.RED);
        assertThat(red.debts()).isEmpty();

        // 2027-2028, L2 again at 12, PROG1 12: UEM11 = (24 + 10)/3 = 11.33 ADM; S1 = (36 + 22.66 + 24)/7 = 11.81 ADM;
        // L1 = (82.66 + 70)/14 = 10.90 ADM; S1–S4 acquired: ADM → L3. ARCH1, paid off, is not owed again.
        Record again = Record.levelAt("L2", "12").years(3).after("2025-2026", owingUem11()).after("2026-2027", red)
                .set("PROG1", flat("12"));
        StudentResult three = licence.sessionTwo(again.build());
        assertThat(lines(three.earlier())).containsExactly("PROG1 12.00 ADM 6 s1", "UEM11 11.33 ADM 10 s1",
                "S1 11.81 ADM 30 s1", "L1 10.90 ADM 60 s1");
        assertThat(three.decision()).isEqualTo(Decision.ADM);
        assertThat(again.build().debts().stillOwed(Fixtures.fullLicence(), again.build().history()).matieres())
                .containsExactly("PROG1");
    }

    @Test
    @DisplayName("RULES §12.3, §12.8: a debt without a mark is pending, listed as missing, and holds the decision (ATT)")
    void debtWithoutMarkIsPending() {
        Record rec = inL2(owingUef11()).set("ANA1", flat("11"));
        StudentResult one = licence.sessionOne(rec.build());
        assertThat(one.missing()).extracting(StudentResult.MissingMark::matiere)
                .containsExactly("ALGO1", "ALGO1", "ALGO1");
        assertThat(lines(one.earlier())).contains("ALGO1 null ATT 0 s1", "L1 null ATT 52 s1");
        assertThat(one.decision()).isEqualTo(Decision.ATT);
        assertThat(one.convocations()).isEmpty();
        assertThat(licence.sessionTwo(rec.build()).decision()).isEqualTo(Decision.ATT);
    }

    @Test
    @DisplayName("Art. 25: a rattrapage mark in a debt the student was not convoked to is refused")
    void rattrapageOfADebtPaidOffIsRefused() {
        Record rec = inL2(owingUef11()).set("ANA1", flat("11")).set("ALGO1", flat("10"));
        rec.s2.put("ANA1", e("15"));
        StudentResult two = licence.sessionTwo(rec.build());
        assertThat(two.refusals()).containsExactly(new StudentResult.Refusal(
                StudentResult.Refusal.Kind.RATTRAPAGE_MARK, "ANA1",
                "not convoked to the rattrapage in ANA1 (session-1 decision ADM, ANA1 ADM)"));
        assertThat(lines(two.earlier())).contains("ANA1 11.00 ADM 6 s1");
    }

    @Test
    @DisplayName("Art. 26 by analogy: a debt's result sat again replaces the earlier only if better; acquired beats excluded")
    void better() {
        Matiere m = Fixtures.matiere("ANA1", 2, 6, 2, 1, 0, 0);
        MatiereOutcome excludedAt12 = new MatiereOutcome(m, new java.math.BigDecimal("12.00"), Result.EXC, 1, true,
                false);
        MatiereOutcome failedAt8 = new MatiereOutcome(m, new java.math.BigDecimal("8.00"), Result.AJ, 1, true, false);
        MatiereOutcome failedAt9 = new MatiereOutcome(m, new java.math.BigDecimal("9.00"), Result.AJ, 1, true, false);
        assertThat(EarlierLevels.better(failedAt8, excludedAt12)).isTrue();
        assertThat(EarlierLevels.better(excludedAt12, failedAt8)).isFalse();
        assertThat(EarlierLevels.better(failedAt9, failedAt8)).isTrue();
        assertThat(EarlierLevels.better(failedAt8, failedAt8)).isFalse(); // a tie keeps the earlier
    }
}
