package org.delib.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExclusionsTest {

    private final RulesProfile profile = RulesProfile.defaults();
    private final Programme programme = Fixtures.licenceInfo();
    private final Matiere algo1 = programme.matieres().get("ALGO1"); // 10 TP sessions
    private final Matiere prog1 = programme.matieres().get("PROG1"); // 12 TP sessions

    private boolean excluded(Matiere m, int justified, int unjustified, int tp) {
        return Exclusions.byAttendance(m, new Attendance(justified, unjustified, tp), profile);
    }

    @Test
    @DisplayName("Art. 38: 3 unjustified absences to lectures or tutorials exclude, 2 do not")
    void unjustifiedAbsences() {
        assertThat(excluded(algo1, 0, 3, 0)).isTrue();
        assertThat(excluded(algo1, 0, 2, 0)).isFalse();
    }

    @Test
    @DisplayName("Art. 38: 5 absences justified or not exclude, 4 do not")
    void totalAbsences() {
        assertThat(excluded(algo1, 3, 2, 0)).isTrue();
        assertThat(excluded(algo1, 2, 2, 0)).isFalse();
        assertThat(excluded(algo1, 5, 0, 0)).isTrue();
    }

    @Test
    @DisplayName("Art. 38, RULES §12.5: strictly more than 1/3 of TP sessions: 4 of 10 exclude, 3 do not, 4 of 12 do not")
    void tpSessions() {
        assertThat(excluded(algo1, 0, 0, 4)).isTrue();
        assertThat(excluded(algo1, 0, 0, 3)).isFalse();
        assertThat(excluded(prog1, 0, 0, 4)).isFalse();
        assertThat(excluded(prog1, 0, 0, 5)).isTrue();
    }

    @Test
    @DisplayName("Art. 88, RULES §12.4: EXCLUSION_MATIERE, NON_VALIDATION_SEMESTRE and NON_VALIDATION_ANNEE")
    void sanctions() {
        List<Semester> year = programme.semestersOf("L1");
        assertThat(Exclusions.of(year, "L1", Map.of(),
                List.of(new Sanction("ANA1", Sanction.Type.EXCLUSION_MATIERE, 1)), profile)).containsExactly("ANA1");
        assertThat(Exclusions.of(year, "L1", Map.of(),
                List.of(new Sanction("S2", Sanction.Type.NON_VALIDATION_SEMESTRE, 2)), profile))
                .containsExactlyInAnyOrderElementsOf(Fixtures.S2);
        assertThat(Exclusions.of(year, "L1", Map.of(),
                List.of(new Sanction("L1", Sanction.Type.NON_VALIDATION_ANNEE, 2)), profile)).hasSize(12);
        assertThat(Exclusions.of(year, "L1", Map.of(),
                List.of(new Sanction("ANA1", Sanction.Type.ZERO, 1)), profile)).isEmpty();
    }
}
