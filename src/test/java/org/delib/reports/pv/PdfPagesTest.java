package org.delib.reports.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The numbers PdfPages writes into content streams itself. */
class PdfPagesTest {

    private static String coordinate(float v) {
        byte[] into = new byte[32];
        into[0] = '[';
        int end = PdfPages.coordinate(into, 1, v);
        return new String(into, 1, end - 1, StandardCharsets.US_ASCII);
    }

    @Test
    void coordinatesToTheThousandthWithoutTrailingZeros() {
        assertThat(coordinate(28)).isEqualTo("28");
        assertThat(coordinate(-3.5f)).isEqualTo("-3.5");
        assertThat(coordinate(112.3764f)).isEqualTo("112.376");
        assertThat(coordinate(803.05f)).isEqualTo("803.05");
        assertThat(coordinate(0.0004f)).isEqualTo("0");
        assertThat(coordinate(-0.0006f)).isEqualTo("-0.001");
        assertThat(coordinate(0.07f)).isEqualTo("0.07");
        assertThat(coordinate(595.275f)).isEqualTo("595.275");
        assertThat(coordinate(-1234567.5f)).isEqualTo("-1234567.5");
    }
}
