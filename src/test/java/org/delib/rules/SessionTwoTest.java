package org.delib.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delib.rules.Fixtures.e;
import static org.delib.rules.Fixtures.flat;
import static org.delib.rules.Fixtures.mark;
import static org.delib.rules.Fixtures.row;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.delib.rules.Fixtures.Record;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The final deliberation and the progression, computed by hand (RULES §6–8, §12.10–12.16). */
class SessionTwoTest {

    /** Without annual compensation, so that a failed semester fails the year and the rattrapage matters. */
    private final Deliberation l1 = new Deliberation(Fixtures.licenceInfo(), Fixtures.profile(false, false));
    private final Deliberation licence = new Deliberation(Fixtures.fullLicence(), RulesProfile.defaults());

    private static Map<String, ElementResult> byCode(StudentResult r) {
        return r.elements().stream().collect(Collectors.toMap(ElementResult::code, Function.identity()));
    }

    /**
     * S1: ANA1 6, ALGO1 (exam 6, CC 14, TP 12) = 38/4 = 9.50, the others 9; S2 all 12.
     * UEF11 = (6×2 + 9.5×3)/5 = 8.10; S1 = (8.10×3 + 9×4)/7 = 8.61 AJ: convoked to all six S1 matières.
     */
    private Record convokedToS1() {
        return Record.allAt("12").semesterAt(Fixtures.S1, "9").set("ANA1", flat("6")).set("ALGO1", row("6", "14", "12"));
    }

    @Test
    @DisplayName("Art. 26, RULES §6: the rattrapage exam replaces the exam, CC and TP are kept: (11×2 + 14 + 12)/4 = 12.00")
    void bestOfKeepsCcAndTp() {
        Record rec = convokedToS1();
        rec.s2.put("ALGO1", e("11"));
        rec.s2.put("ANA1", e("4"));    // (4×2 + 6)/3 = 4.67 < 6.00: session 1 is kept
        rec.s2.put("PROG1", e("ABI")); // absent: session 1 is kept (RULES §12.10)
        rec.s2.put("PHYS1", e("16"));  // (16×2 + 9)/3 = 13.67
        rec.s2.put("ANG1", e("ABJ"));
        StudentResult r = l1.sessionTwo(rec.build());
        Map<String, ElementResult> el = byCode(r);
        assertThat(mark(el.get("ALGO1"))).isEqualTo("12.00");
        assertThat(el.get("ALGO1").session()).isEqualTo(2);
        assertThat(el.get("ALGO1").result()).isEqualTo(Result.ADM);
        assertThat(mark(el.get("ANA1"))).isEqualTo("6.00");
        assertThat(el.get("ANA1").session()).isEqualTo(1);
        assertThat(mark(el.get("PROG1"))).isEqualTo("9.00");
        assertThat(mark(el.get("PHYS1"))).isEqualTo("13.67");
        // UEF11 = (6×2 + 12×3)/5 = 9.60, kept a session-2 mark below it (RULES §12.11)
        assertThat(mark(el.get("UEF11"))).isEqualTo("9.60");
        assertThat(el.get("UEF11").session()).isEqualTo(2);
        assertThat(el.get("UEF11").credits()).isEqualByComparingTo("8");
        // S1 = (9.60×3 + 9×2 + 13.67 + 9)/7 = 69.47/7 = 9.92 → AJ with 8 + 4 = 12 credits
        assertThat(mark(el.get("S1"))).isEqualTo("9.92");
        assertThat(el.get("S1").credits()).isEqualByComparingTo("12");
        // year = (69.47 + 7×12)/14 = 10.96, not compensated in this profile; 42 credits, 12 and 30 by semester
        assertThat(mark(r.year())).isEqualTo("10.96");
        assertThat(r.year().credits()).isEqualByComparingTo("42");
        // Art. 32, RULES §12.12-13: L1 → L2 with debts: ≥ 30 credits, ≥ 10 in each semester
        assertThat(r.decision()).isEqualTo(Decision.AJAC);
        assertThat(r.nextLevel()).isEqualTo("L2");
        assertThat(r.debts()).containsExactly("ANA1", "PROG1", "ARCH1", "ANG1");
        assertThat(r.convocations()).isEmpty();
    }

    @Test
    @DisplayName("RULES §12.10: a tie between the two sessions keeps session 1")
    void tieKeepsSessionOne() {
        Record rec = convokedToS1();
        rec.s2.put("ANA1", e("6"));
        ElementResult ana1 = byCode(l1.sessionTwo(rec.build())).get("ANA1");
        assertThat(ana1.session()).isEqualTo(1);
        assertThat(mark(ana1)).isEqualTo("6.00");
    }

    @Test
    @DisplayName("Art. 25: a rattrapage mark in a matière the student was not convoked to is refused")
    void notConvokedMarkRefused() {
        Record rec = convokedToS1();
        rec.s2.put("ANA2", e("15"));
        StudentResult r = l1.sessionTwo(rec.build());
        assertThat(r.refusals()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StudentResult.Refusal.Kind.RATTRAPAGE_MARK);
            assertThat(f.element()).isEqualTo("ANA2");
            assertThat(f.reason()).contains("not convoked");
        });
        assertThat(byCode(r).get("ANA2").session()).isEqualTo(1);
    }

    @Test
    @DisplayName("Art. 32, RULES §12.12: 30 credits split 0/30 between the semesters is no admission with debts: RED")
    void zeroThirtySplitRefused() {
        // S1 all 6 → 0 credits, S2 all 12 → 30; year (7×6 + 7×12)/14 = 9.00 → AJ with 30 credits
        StudentResult r = licence.sessionTwo(Record.allAt("12").semesterAt(Fixtures.S1, "6").build());
        assertThat(r.year().credits()).isEqualByComparingTo("30");
        assertThat(r.decision()).isEqualTo(Decision.RED);
        assertThat(r.nextLevel()).isEqualTo("L1");
        assertThat(r.debts()).isEmpty();
    }

    @Test
    @DisplayName("Art. 33, 36, RULES §12.14: not admitted in the 5th year of a licence with under 120 credits is NAR")
    void narAtMaximumDuration() {
        Record fifth = Record.allAt("12").semesterAt(Fixtures.S1, "6").years(5);
        StudentResult r = licence.sessionTwo(fifth.build());
        assertThat(r.decision()).isEqualTo(Decision.NAR);
        assertThat(r.nextLevel()).isEmpty();
        assertThat(licence.sessionTwo(Record.allAt("12").semesterAt(Fixtures.S1, "6").years(4).build()).decision())
                .isEqualTo(Decision.RED);
    }

    @Test
    @DisplayName("Art. 29, 32: L2 → L3 needs S1–S4; with S2 failed, AJAC needs every required UE: UEF21 failed gives RED")
    void l2ToL3WithAMissingRequiredUe() {
        Record missingRequired = Record.levelAt("L2", "12")
                .earlier("S1", "30", Result.ADM).earlier("S2", "20", Result.AJ).earlier("UEF21", "6", Result.AJ);
        StudentResult r = licence.sessionTwo(missingRequired.build());
        assertThat(r.year().result()).isEqualTo(Result.ADM);
        assertThat(r.decision()).isEqualTo(Decision.RED);
        assertThat(r.nextLevel()).isEqualTo("L2");

        // The same with UEF21 acquired: 30 + 20 + 60 = 110 ≥ 90 credits over S1–S4 → AJAC to L3.
        Record requiredAcquired = Record.levelAt("L2", "12")
                .earlier("S1", "30", Result.ADM).earlier("S2", "20", Result.AJ).earlier("UEF21", "14", Result.CMP);
        StudentResult ajac = licence.sessionTwo(requiredAcquired.build());
        assertThat(ajac.decision()).isEqualTo(Decision.AJAC);
        assertThat(ajac.nextLevel()).isEqualTo("L3");

        // S1–S4 all acquired: admitted.
        Record all = Record.levelAt("L2", "12").earlier("S1", "30", Result.ADM).earlier("S2", "30", Result.CMP);
        assertThat(licence.sessionTwo(all.build()).decision()).isEqualTo(Decision.ADM);
    }

    @Test
    @DisplayName("Art. 68: the final year acquired with all 180 credits of the cycle gives the diploma")
    void diploma() {
        Record complete = Record.levelAt("L3", "12").years(3).earlier("L1", "60", Result.ADM).earlier("L2", "60", Result.ADM);
        StudentResult r = licence.sessionTwo(complete.build());
        assertThat(r.decision()).isEqualTo(Decision.DIPL);
        assertThat(r.nextLevel()).isEmpty();

        Record owing = Record.levelAt("L3", "12").years(3).earlier("L1", "60", Result.ADM).earlier("L2", "50", Result.AJ);
        assertThat(licence.sessionTwo(owing.build()).decision()).isEqualTo(Decision.RED);
    }

    @Test
    @DisplayName("Art. 29, 32: M1 → M2 with debts needs 45 credits and every required UE; the master's diploma at 120")
    void master() {
        Deliberation master = new Deliberation(Fixtures.master(), RulesProfile.defaults());
        // S1 all 12 (30 credits); S2: UEF21 at 12 (14 credits), the rest at 6 → S2 = (3×12 + 4×6)/7 = 8.57, 14 credits;
        // year = (7×12 + 60)/14 = 10.29 → compensated. Without compensation: 44 credits < 45 → RED.
        Record m1 = Record.levelAt("M1", "12").semesterAt(Fixtures.S2, "6").set("ANA2", flat("12")).set("ALGO2", flat("12"));
        assertThat(master.sessionTwo(m1.build()).decision()).isEqualTo(Decision.CMP);
        Deliberation strict = new Deliberation(Fixtures.master(), Fixtures.profile(false, false));
        StudentResult red = strict.sessionTwo(m1.build());
        assertThat(red.year().credits()).isEqualByComparingTo("44");
        assertThat(red.decision()).isEqualTo(Decision.RED);
        // With ELEC2 at 12 too: 48 credits and UEF21 (required) acquired → AJAC to M2.
        StudentResult ajac = strict.sessionTwo(m1.set("ELEC2", flat("12")).build());
        assertThat(ajac.decision()).isEqualTo(Decision.AJAC);
        assertThat(ajac.nextLevel()).isEqualTo("M2");
        assertThat(ajac.debts()).containsExactly("PROG2", "SYS2", "ANG2");
        // M2 acquired with M1's 60 credits: 120, the diploma (Art. 68); the third year without them: NAR (max 3).
        assertThat(master.sessionTwo(Record.levelAt("M2", "12").earlier("M1", "60", Result.ADM).build()).decision())
                .isEqualTo(Decision.DIPL);
        assertThat(master.sessionTwo(Record.levelAt("M2", "12").years(3).earlier("M1", "40", Result.AJ).build())
                .decision()).isEqualTo(Decision.NAR);
    }

    @Test
    @DisplayName("Art. 51: a rachat on ALGO1 (8 → 10.00) lifts S1 to 10.09 (CMP) and the year from AJAC to ADM")
    void rachatOnAMatiereChangesTheYear() {
        // S1: ANA1 8, ALGO1 8 → UEF11 8.00; others 10.75 → S1 = (24 + 43)/7 = 9.57 AJ; S2 all 12.
        Record rec = Record.allAt("12").semesterAt(Fixtures.S1, "10.75").set("ANA1", flat("8")).set("ALGO1", flat("8"));
        assertThat(l1.sessionTwo(rec.build()).decision()).isEqualTo(Decision.AJAC);

        rec.rachats.add("ALGO1");
        StudentResult r = l1.sessionTwo(rec.build());
        Map<String, ElementResult> el = byCode(r);
        assertThat(el.get("ALGO1").result()).isEqualTo(Result.ADJ);
        assertThat(mark(el.get("UEF11"))).isEqualTo("9.20"); // (8×2 + 10×3)/5
        assertThat(mark(el.get("S1"))).isEqualTo("10.09");  // (9.20×3 + 43)/7 = 70.6/7
        assertThat(el.get("S1").result()).isEqualTo(Result.CMP);
        assertThat(r.year().result()).isEqualTo(Result.ADM);
        assertThat(r.decision()).isEqualTo(Decision.ADM); // ADJ only for a rachat on the year itself (RULES §12.15)
        assertThat(r.nextLevel()).isEqualTo("L2");
    }

    @Test
    @DisplayName("RULES §12.8-9: a student not convoked keeps the session-1 result; DEF stays DEF")
    void notConvokedKeepsSessionOne() {
        StudentResult admitted = l1.sessionTwo(Record.allAt("12").build());
        assertThat(admitted.decision()).isEqualTo(Decision.ADM);
        assertThat(admitted.nextLevel()).isEqualTo("L2");
        Record abandoned = Record.allAt("12");
        Fixtures.S2.forEach(m -> abandoned.set(m, row("ABI", "ABI", "")));
        StudentResult def = l1.sessionTwo(abandoned.build());
        assertThat(def.decision()).isEqualTo(Decision.DEF);
        assertThat(def.nextLevel()).isEmpty();
    }
}
