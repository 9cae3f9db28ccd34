package org.delib.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delib.rules.Fixtures.e;
import static org.delib.rules.Fixtures.row;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MatiereMarkTest {

    private final RulesProfile profile = RulesProfile.defaults();
    private final Programme programme = Fixtures.licenceInfo();
    private final Matiere ana1 = programme.matieres().get("ANA1");   // exam 2, cc 1
    private final Matiere algo1 = programme.matieres().get("ALGO1"); // exam 2, cc 1, tp 1
    private final Matiere ang1 = programme.matieres().get("ANG1");   // exam 1, cc 1

    private MatiereMark s1(Matiere m, MarkRow row, Entry replacement) {
        return MatiereMark.sessionOne(m, row, replacement, false, profile);
    }

    @Test
    @DisplayName("Art. 22: mark = Σ weight × component / Σ weight (11.5×2 + 13 + 15) / 4 = 12.75")
    void weightsComponents() {
        assertThat(s1(algo1, row("11,5", "13", "15"), null).mark()).isEqualByComparingTo("12.75");
    }

    @Test
    @DisplayName("RULES §0: the exact average is rounded half-up once: (14×2 + 12) / 3 = 13.333… → 13.33")
    void roundsOnce() {
        assertThat(s1(ana1, row("14", "12", ""), null).mark().toPlainString()).isEqualTo("13.33");
    }

    @Test
    @DisplayName("RULES §0: (9.99 + 10) / 2 = 9.995 rounds half-up to 10.00 and is acquired (Art. 23)")
    void neverShownTenAndFailed() {
        MatiereMark m = s1(ang1, row("9.99", "10", ""), null);
        assertThat(m.mark().toPlainString()).isEqualTo("10.00");
        assertThat(MatiereOutcome.of(ang1, m, false, 1, profile).result()).isEqualTo(Result.ADM);
    }

    @Test
    @DisplayName("Art. 40: a justified CC absence drops CC from the weighting: exam 9 alone gives 9.00")
    void justifiedCcAbsenceDropped() {
        assertThat(s1(ana1, row("9", "ABJ", ""), null).mark()).isEqualByComparingTo("9.00");
    }

    @Test
    @DisplayName("Art. 38, 40: an unjustified CC or TP absence counts 0: (9×2 + 0 + 12) / 4 = 7.50")
    void unjustifiedAbsenceCountsZero() {
        assertThat(s1(algo1, row("9", "ABI", "12"), null).mark()).isEqualByComparingTo("7.50");
    }

    @Test
    @DisplayName("Art. 41: an unjustified exam absence counts 0, with no replacement: (0 + 8) / 3 = 2.67")
    void unjustifiedExamCountsZero() {
        MatiereMark m = s1(ana1, row("ABI", "8", ""), e("15"));
        assertThat(m.mark().toPlainString()).isEqualTo("2.67");
        assertThat(m.pending()).isFalse();
    }

    @Test
    @DisplayName("Art. 41: a justified exam absence is made up by the replacement exam: (12×2 + 9.25 + 10) / 4 = 10.81")
    void replacementExamReplacesJustifiedAbsence() {
        MatiereMark m = s1(algo1, row("ABJ", "9,25", "10"), e("12"));
        assertThat(m.mark().toPlainString()).isEqualTo("10.81");
        assertThat(m.pending()).isFalse();
        assertThat(m.missing()).isEmpty();
    }

    @Test
    @DisplayName("Art. 41, RULES §12.2: without a replacement mark (none, empty or ABJ) the matière is pending")
    void justifiedExamWithoutReplacementIsPending() {
        for (Entry replacement : new Entry[] {null, Entry.EMPTY, Entry.ABJ}) {
            MatiereMark m = s1(algo1, row("ABJ", "9", "10"), replacement);
            assertThat(m.pending()).isTrue();
            assertThat(m.mark()).isNull();
            assertThat(m.missing()).containsExactly(Component.EXAM);
        }
    }

    @Test
    @DisplayName("RULES §12.2: ABI at the replacement exam counts 0: (0 + 9 + 10) / 4 = 4.75")
    void unjustifiedAbsenceAtReplacement() {
        assertThat(s1(algo1, row("ABJ", "9", "10"), Entry.ABI).mark()).isEqualByComparingTo("4.75");
    }

    @Test
    @DisplayName("RULES §1, §12.3: an empty component is pending, not zero, and reported missing")
    void emptyComponentIsPending() {
        MatiereMark m = s1(algo1, row("12", "", "14"), null);
        assertThat(m.pending()).isTrue();
        assertThat(m.mark()).isNull();
        assertThat(m.missing()).containsExactly(Component.CC);
        assertThat(MatiereOutcome.of(algo1, m, false, 1, profile).result()).isEqualTo(Result.ATT);
    }

    @Test
    @DisplayName("RULES §12.3: a matière without a session-1 row is pending in every component")
    void noRowIsPending() {
        MatiereMark m = s1(algo1, null, null);
        assertThat(m.pending()).isTrue();
        assertThat(m.hasScore()).isFalse();
        assertThat(m.missing()).containsExactly(Component.EXAM, Component.CC, Component.TP);
    }

    @Test
    @DisplayName("Art. 87, RULES §12.4: a ZERO sanction sets the session-1 mark to 0.00, even where marks are missing")
    void zeroSanction() {
        MatiereMark m = MatiereMark.sessionOne(ana1, row("", "15", ""), null, true, profile);
        assertThat(m.mark().toPlainString()).isEqualTo("0.00");
        assertThat(m.pending()).isFalse();
    }

    @Test
    @DisplayName("RULES §12.4: an excluded matière keeps and shows its mark, with result EXC")
    void excludedKeepsItsMark() {
        MatiereOutcome o = MatiereOutcome.of(ana1, s1(ana1, row("15", "15", ""), null), true, 1, profile);
        assertThat(o.result()).isEqualTo(Result.EXC);
        assertThat(o.mark()).isEqualByComparingTo("15.00");
    }

    @Test
    @DisplayName("Art. 7: a matière with nothing but absences has no score")
    void onlyAbsencesHasNoScore() {
        assertThat(s1(ana1, row("ABI", "ABJ", ""), null).hasScore()).isFalse();
        assertThat(s1(ana1, row("ABI", "0", ""), null).hasScore()).isTrue();
    }
}
