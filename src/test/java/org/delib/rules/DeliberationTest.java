package org.delib.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delib.rules.Fixtures.flat;
import static org.delib.rules.Fixtures.mark;
import static org.delib.rules.Fixtures.row;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.delib.rules.Fixtures.Record;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Whole years, computed by hand on the L1 maquette of {@link Fixtures#licenceInfo()}. */
class DeliberationTest {

    private final Programme programme = Fixtures.licenceInfo();
    private final Deliberation deliberation = new Deliberation(programme, RulesProfile.defaults());

    private static Map<String, ElementResult> byCode(StudentResult r) {
        return r.elements().stream().collect(Collectors.toMap(ElementResult::code, Function.identity()));
    }

    @Test
    @DisplayName("Art. 23, 28: every matière acquired → every level ADM, 60 credits, admitted to L2")
    void allAcquired() {
        StudentResult r = deliberation.sessionOne(Record.allAt("12").build());
        assertThat(r.elements()).allMatch(e -> e.result() == Result.ADM);
        assertThat(r.year().result()).isEqualTo(Result.ADM);
        assertThat(r.year().credits()).isEqualByComparingTo("60");
        assertThat(mark(r.year())).isEqualTo("12.00");
        assertThat(r.decision()).isEqualTo(Decision.ADM);
        assertThat(r.nextLevel()).isEqualTo("L2");
        assertThat(r.convocations()).isEmpty();
    }

    @Test
    @DisplayName("Art. 27, RULES §12.6: UEF11 = (8×2 + 12×3) / 5 = 10.40 → CMP with 14 credits; ANA1 stays AJ with 0")
    void ueCompensation() {
        Map<String, ElementResult> e = byCode(deliberation.sessionOne(Record.allAt("12").set("ANA1", flat("8")).build()));
        assertThat(e.get("UEF11").result()).isEqualTo(Result.CMP);
        assertThat(mark(e.get("UEF11"))).isEqualTo("10.40");
        assertThat(e.get("UEF11").credits()).isEqualByComparingTo("14");
        assertThat(e.get("ANA1").result()).isEqualTo(Result.AJ);
        assertThat(e.get("ANA1").credits()).isEqualByComparingTo("0");
        assertThat(e.get("S1").result()).isEqualTo(Result.ADM);
    }

    @Test
    @DisplayName("Art. 27: UEF11 = (12×2 + 8×3) / 5 = 9.60 → AJ, but ANA1's 6 credits are capitalised")
    void capitalisedCredits() {
        StudentResult r = deliberation.sessionOne(Record.allAt("12").set("ALGO1", flat("8")).build());
        Map<String, ElementResult> e = byCode(r);
        assertThat(e.get("UEF11").result()).isEqualTo(Result.AJ);
        assertThat(mark(e.get("UEF11"))).isEqualTo("9.60");
        assertThat(e.get("UEF11").credits()).isEqualByComparingTo("6");
        // S1 = (9.60×3 + 12×2 + 12 + 12) / 7 = 76.8 / 7 = 10.971… → 10.97: acquired by compensation, all 30 credits.
        assertThat(mark(e.get("S1"))).isEqualTo("10.97");
        assertThat(e.get("S1").result()).isEqualTo(Result.CMP);
        assertThat(e.get("S1").credits()).isEqualByComparingTo("30");
        assertThat(r.year().result()).isEqualTo(Result.ADM);
    }

    @Test
    @DisplayName("Art. 24: S1 = (10.40×3 + 9×2 + 11 + 14) / 7 = 10.60 → CMP and 30 credits; UEM11 keeps AJ and 0")
    void semesterCompensation() {
        Record rec = Record.allAt("12").set("ANA1", flat("8")).set("PROG1", flat("9")).set("ARCH1", flat("9"))
                .set("PHYS1", flat("11")).set("ANG1", flat("14"));
        Map<String, ElementResult> e = byCode(deliberation.sessionOne(rec.build()));
        assertThat(mark(e.get("UEM11"))).isEqualTo("9.00");
        assertThat(e.get("UEM11").result()).isEqualTo(Result.AJ);
        assertThat(e.get("UEM11").credits()).isEqualByComparingTo("0");
        assertThat(mark(e.get("S1"))).isEqualTo("10.60");
        assertThat(e.get("S1").result()).isEqualTo(Result.CMP);
        assertThat(e.get("S1").credits()).isEqualByComparingTo("30");
    }

    @Test
    @DisplayName("Art. 38, 23: an excluded matière blocks its UE's compensation; its mark is still shown")
    void exclusionBlocksCompensation() {
        Record rec = Record.allAt("12").set("ANA1", flat("8"));
        rec.attendance.put("ANA1", new Attendance(0, 3, 0));
        StudentResult r = deliberation.sessionOne(rec.build());
        Map<String, ElementResult> e = byCode(r);
        assertThat(e.get("ANA1").result()).isEqualTo(Result.EXC);
        assertThat(mark(e.get("ANA1"))).isEqualTo("8.00");
        assertThat(e.get("UEF11").result()).isEqualTo(Result.AJ);
        assertThat(mark(e.get("UEF11"))).isEqualTo("10.40");
        assertThat(e.get("UEF11").credits()).isEqualByComparingTo("8");
        // Art. 24: the semester cannot compensate either, though its mark is above 10.
        assertThat(e.get("S1").result()).isEqualTo(Result.AJ);
        assertThat(e.get("S1").credits()).isEqualByComparingTo("24");
        assertThat(r.year().result()).isEqualTo(Result.AJ);
        assertThat(r.decision()).isEqualTo(Decision.RAT);
        // RULES §2: the excluded matière is not retaken; the UE has no other failed matière.
        assertThat(r.convocations()).isEmpty();
    }

    @Test
    @DisplayName("Art. 28, RULES §12.6: S1 at 12, S2 at 8 → year (7×12 + 7×8) / 14 = 10.00 → CMP, 60 credits, S2 stays AJ")
    void annualCompensation() {
        StudentResult r = deliberation.sessionOne(Record.allAt("12").semesterAt(Fixtures.S2, "8").build());
        Map<String, ElementResult> e = byCode(r);
        assertThat(e.get("S2").result()).isEqualTo(Result.AJ);
        assertThat(e.get("S2").credits()).isEqualByComparingTo("0");
        assertThat(mark(r.year())).isEqualTo("10.00");
        assertThat(r.year().result()).isEqualTo(Result.CMP);
        assertThat(r.year().credits()).isEqualByComparingTo("60");
        assertThat(r.decision()).isEqualTo(Decision.CMP);
        assertThat(r.nextLevel()).isEqualTo("L2");
    }

    @Test
    @DisplayName("Art. 28 (setting off): without annual compensation the same year is AJ with 30 credits and goes to rattrapage")
    void annualCompensationOff() {
        RulesProfile off = Fixtures.profile(false, false);
        StudentResult r = new Deliberation(programme, off)
                .sessionOne(Record.allAt("12").semesterAt(Fixtures.S2, "8").build());
        assertThat(r.year().result()).isEqualTo(Result.AJ);
        assertThat(r.year().credits()).isEqualByComparingTo("30");
        assertThat(r.decision()).isEqualTo(Decision.RAT);
        // Art. 25: every failed matière of every failed UE of the failed semester.
        assertThat(r.convocations()).extracting(StudentResult.Convocation::matiere).containsExactlyElementsOf(Fixtures.S2);
        assertThat(r.convocations()).allMatch(c -> c.semester().equals("S2"));
    }

    @Test
    @DisplayName("Art. 25: convoked only in failed UEs of failed semesters; a compensated UE's failed matière is not retaken")
    void convocations() {
        // S2: UEF21 = (8×2 + 12×3)/5 = 10.40 CMP; UEM21 = (6×2 + 12)/3 = 8.00 AJ; S2 = (31.2 + 16 + 4×... )
        Record rec = Record.allAt("12").semesterAt(Fixtures.S2, "6").set("ANA2", flat("8")).set("ALGO2", flat("12"))
                .set("SYS2", flat("12"));
        // S2 = (10.40×3 + 8×2 + 6 + 6) / 7 = 59.2 / 7 = 8.457… → 8.46 AJ; year = (7×12 + 59.2) / 14 = 10.23 → CMP.
        StudentResult r = deliberation.sessionOne(rec.build());
        assertThat(mark(byCode(r).get("S2"))).isEqualTo("8.46");
        assertThat(mark(r.year())).isEqualTo("10.23");
        assertThat(r.decision()).isEqualTo(Decision.CMP);

        // Without the year's compensation: the student is convoked to PROG2, ELEC2, ANG2 — not ANA2 (UEF21 CMP), not SYS2 (ADM).
        RulesProfile off = Fixtures.profile(false, false);
        StudentResult rat = new Deliberation(programme, off).sessionOne(rec.build());
        assertThat(rat.decision()).isEqualTo(Decision.RAT);
        assertThat(rat.convocations()).extracting(StudentResult.Convocation::matiere)
                .containsExactly("PROG2", "ELEC2", "ANG2");

        // Art. 25 §2 (setting on): the compensated UE's failed matière may be retaken too.
        RulesProfile retake = Fixtures.profile(false, true);
        assertThat(new Deliberation(programme, retake).sessionOne(rec.build()).convocations())
                .extracting(StudentResult.Convocation::matiere).containsExactly("ANA2", "PROG2", "ELEC2", "ANG2");
    }

    @Test
    @DisplayName("RULES §12.8, §12.9: one pending mark makes UE, semester and year ATT; the student is not convoked")
    void pendingRises() {
        StudentResult r = deliberation.sessionOne(Record.allAt("12").set("ANG2", row("", "12", "")).build());
        Map<String, ElementResult> e = byCode(r);
        assertThat(e.get("ANG2").result()).isEqualTo(Result.ATT);
        assertThat(e.get("ANG2").mark()).isNull();
        assertThat(e.get("UET21").result()).isEqualTo(Result.ATT);
        assertThat(e.get("UET21").mark()).isNull();
        assertThat(e.get("S2").result()).isEqualTo(Result.ATT);
        assertThat(e.get("S1").result()).isEqualTo(Result.ADM);
        assertThat(r.year().result()).isEqualTo(Result.ATT);
        assertThat(r.year().mark()).isNull();
        assertThat(r.decision()).isEqualTo(Decision.ATT);
        assertThat(r.nextLevel()).isEmpty();
        assertThat(r.convocations()).isEmpty();
        assertThat(r.missing()).containsExactly(new StudentResult.MissingMark("ANG2", Component.EXAM));
    }

    @Test
    @DisplayName("RULES §12.4, §12.8: an excluded matière with a missing mark shows EXC, and its UE, semester and year are ATT")
    void excludedButPending() {
        Record rec = Record.allAt("12").set("ANG2", row("ABJ", "13,75", ""));
        rec.sanctions.add(new Sanction("S2", Sanction.Type.NON_VALIDATION_SEMESTRE, 1));
        StudentResult r = deliberation.sessionOne(rec.build());
        Map<String, ElementResult> e = byCode(r);
        assertThat(e.get("ANG2").result()).isEqualTo(Result.EXC);
        assertThat(e.get("ANG2").mark()).isNull();
        assertThat(e.get("UET21").result()).isEqualTo(Result.ATT);
        assertThat(e.get("UEF21").result()).isEqualTo(Result.AJ);
        assertThat(e.get("S2").result()).isEqualTo(Result.ATT);
        assertThat(r.decision()).isEqualTo(Decision.ATT);
        assertThat(r.missing()).containsExactly(new StudentResult.MissingMark("ANG2", Component.EXAM));
    }

    @Test
    @DisplayName("Art. 7, RULES §12.8: a semester with nothing but absences or blanks is DEF; DEF wins over ATT")
    void abandonment() {
        Record rec = Record.allAt("12");
        Fixtures.S2.forEach(m -> rec.set(m, row("ABI", "ABJ", "")));
        rec.s1.remove("ANG2"); // also pending: DEF still wins
        StudentResult r = deliberation.sessionOne(rec.build());
        assertThat(byCode(r).get("S2").result()).isEqualTo(Result.DEF);
        assertThat(byCode(r).get("S1").result()).isEqualTo(Result.ADM);
        assertThat(r.year().result()).isEqualTo(Result.DEF);
        assertThat(r.decision()).isEqualTo(Decision.DEF);
        assertThat(r.nextLevel()).isEmpty();
        assertThat(r.convocations()).isEmpty();
    }

    @Test
    @DisplayName("Art. 87: a ZERO sanction sets ANA1 to 0.00: UEF11 = (0 + 12×3) / 5 = 7.20 → AJ")
    void zeroSanction() {
        Record rec = Record.allAt("12");
        rec.sanctions.add(new Sanction("ANA1", Sanction.Type.ZERO, 1));
        Map<String, ElementResult> e = byCode(deliberation.sessionOne(rec.build()));
        assertThat(mark(e.get("ANA1"))).isEqualTo("0.00");
        assertThat(mark(e.get("UEF11"))).isEqualTo("7.20");
        assertThat(e.get("UEF11").result()).isEqualTo(Result.AJ);
    }

    @Test
    @DisplayName("Art. 51, RULES §12.16: a rachat raises an AJ matière to 10.00 (ADJ) and its UE is decided again")
    void rachatOnMatiere() {
        Record rec = Record.allAt("12").set("ALGO1", flat("8"));
        rec.rachats.add("ALGO1");
        StudentResult r = deliberation.sessionOne(rec.build());
        Map<String, ElementResult> e = byCode(r);
        assertThat(e.get("ALGO1").result()).isEqualTo(Result.ADJ);
        assertThat(mark(e.get("ALGO1"))).isEqualTo("10.00");
        assertThat(e.get("ALGO1").credits()).isEqualByComparingTo("8");
        // UEF11 = (12×2 + 10×3) / 5 = 10.80, every matière acquired → ADM (RULES §12.6)
        assertThat(mark(e.get("UEF11"))).isEqualTo("10.80");
        assertThat(e.get("UEF11").result()).isEqualTo(Result.ADM);
        assertThat(r.refusals()).isEmpty();
    }

    @Test
    @DisplayName("RULES §12.16: a rachat on an element that is not AJ is refused with the reason")
    void rachatRefused() {
        Record rec = Record.allAt("12");
        rec.rachats.add("ANA1");
        StudentResult r = deliberation.sessionOne(rec.build());
        assertThat(r.refusals()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StudentResult.Refusal.Kind.RACHAT);
            assertThat(f.element()).isEqualTo("ANA1");
            assertThat(f.reason()).contains("ADM");
        });
        assertThat(byCode(r).get("ANA1").result()).isEqualTo(Result.ADM);
    }

    @Test
    @DisplayName("RULES §12.15, §12.16: a rachat on the year gives decision ADJ and 60 credits")
    void rachatOnYear() {
        RulesProfile off = Fixtures.profile(false, false);
        Record rec = Record.allAt("12").semesterAt(Fixtures.S2, "8");
        rec.rachats.add("L1");
        StudentResult r = new Deliberation(programme, off).sessionOne(rec.build());
        assertThat(r.year().result()).isEqualTo(Result.ADJ);
        assertThat(r.year().credits()).isEqualByComparingTo("60");
        assertThat(r.decision()).isEqualTo(Decision.ADJ);
        assertThat(r.nextLevel()).isEqualTo("L2");
    }

    @Test
    @DisplayName("RULES §12.1: the year averages the rounded UE marks of both semesters by UE coefficient")
    void yearFromRoundedUeMarks() {
        // ANG1 = (9.99 + 10)/2 = 9.995 → 10.00; UET11 = 10.00. All else 12: year = (13×12 + 10) / 14 = 11.857… → 11.86
        StudentResult r = deliberation.sessionOne(Record.allAt("12").set("ANG1", row("9.99", "10", "")).build());
        assertThat(mark(r.year())).isEqualTo("11.86");
        assertThat(r.year().credits()).isEqualTo(BigDecimal.valueOf(60));
        assertThat(r.elements()).extracting(ElementResult::code).startsWith("ANA1", "ALGO1", "UEF11").contains("S1", "S2")
                .doesNotContain("L1");
        assertThat(List.of(r.year().code(), r.year().kind().name())).containsExactly("L1", "ANNEE");
    }
}
