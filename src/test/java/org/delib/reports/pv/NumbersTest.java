package org.delib.reports.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void marksShowTheProfilesDecimals() {
        assertThat(new Numbers(2).mark(new BigDecimal("14"))).isEqualTo("14.00");
        assertThat(new Numbers(2).mark(new BigDecimal("9.995"))).isEqualTo("10.00");
        assertThat(new Numbers(0).mark(new BigDecimal("9.5"))).isEqualTo("10");
        assertThat(new Numbers(2).mark(null)).isEmpty();
    }

    /** RULES §12.17: whole credits are printed without decimals; the others with a decimal point. */
    @Test
    void wholeCreditsHaveNoDecimalsAndNoExponent() {
        assertThat(Numbers.credits(new BigDecimal("30.00"))).isEqualTo("30");
        assertThat(Numbers.credits(new BigDecimal("3E+1"))).isEqualTo("30");
        assertThat(Numbers.credits(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(Numbers.credits(new BigDecimal("7.50"))).isEqualTo("7.5");
        assertThat(Numbers.credits(new BigDecimal("120"))).isEqualTo("120");
    }
}
