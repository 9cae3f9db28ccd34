package org.delib.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryTest {

    @Test
    @DisplayName("RULES §0: decimals with a point, or a comma where the dialect allows it")
    void readsBothDecimalMarks() {
        assertThat(Entry.parse("12.5", false).score()).isEqualByComparingTo("12.5");
        assertThat(Entry.parse(" 12,5 ", true).score()).isEqualByComparingTo("12.5");
        assertThat(Entry.parse("20", false).score()).isEqualByComparingTo("20");
        assertThat(Entry.parse("0", false).score()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("RULES §1: ABJ, ABI and empty cells")
    void readsAbsencesAndBlank() {
        assertThat(Entry.parse("ABJ", false)).isEqualTo(Entry.ABJ);
        assertThat(Entry.parse("ABI", false)).isEqualTo(Entry.ABI);
        assertThat(Entry.parse("  ", false)).isEqualTo(Entry.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.01", "-1", "1e3", "NaN", "abj", "12,5.0", "1E400", "12 5", "Infinity"})
    @DisplayName("RULES §12.18: a bad number or a mark outside [0, 20] is refused")
    void refusesBadMarks(String cell) {
        assertThatThrownBy(() -> Entry.parse(cell, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a comma is refused where the dialect has no decimal comma")
    void commaOnlyWhereAllowed() {
        assertThatThrownBy(() -> Entry.parse("12,5", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
