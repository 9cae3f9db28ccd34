package org.delib.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.delib.rules.RulesProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {

    @Test
    void shippedDefaultProfileIsTheSpecsValues() {
        assertThat(Profiles.load("lmd-unipro", null, null)).usingRecursiveComparison()
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                .isEqualTo(RulesProfile.defaults());
    }

    @Test
    void programmeSettingsOverrideTheProfile() {
        var settings = Yaml.MAPPER.readTree("{ pass_mark: 12, annual_compensation: false, exclusion: { total_absences: 6 } }");
        RulesProfile p = Profiles.load("lmd-unipro", null, settings);
        assertThat(p.passMark()).isEqualByComparingTo("12");
        assertThat(p.annualCompensation()).isFalse();
        assertThat(p.exclusion().totalAbsences()).isEqualTo(6);
        assertThat(p.exclusion().unjustifiedAbsences()).isEqualTo(3);
    }

    @Test
    void aProfileFileOverlaysTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.yml");
        Files.writeString(file, "name: other\nexclusion: { total_absences: 4 }\n");
        RulesProfile p = Profiles.load("ignored", file, null);
        assertThat(p.name()).isEqualTo("other");
        assertThat(p.exclusion().totalAbsences()).isEqualTo(4);
        assertThat(p.exclusion().unjustifiedAbsences()).isEqualTo(3);
        assertThat(p.passMark()).isEqualByComparingTo("10");
    }

    @Test
    void misspeltOrInvalidSettingsFailWithOneLine() {
        assertThatThrownBy(() -> Profiles.load("lmd-unipro", null, Yaml.MAPPER.readTree("{ pas_mark: 12 }")))
                .isInstanceOf(InputException.class).hasMessageContaining("pas_mark").satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> Profiles.load("lmd-unipro", null, Yaml.MAPPER.readTree("{ exclusion: { tp_fraction: half } }")))
                .isInstanceOf(InputException.class).hasMessageContaining("tp_fraction");
        assertThatThrownBy(() -> Profiles.load("unknown", null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("not found");
    }
}
