package org.delib.reports.pv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void neutralisesWhatASpreadsheetWouldRun() {
        assertThat(Cells.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(Cells.safe("+33 6")).isEqualTo("'+33 6");
        assertThat(Cells.safe("-2")).isEqualTo("'-2");
        assertThat(Cells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Cells.safe("\tx")).isEqualTo("'\tx");
        assertThat(Cells.safe("\rx")).isEqualTo("'\rx");
        assertThat(Cells.safe("Ndèye = Aïssatou")).isEqualTo("Ndèye = Aïssatou");
        assertThat(Cells.safe(null)).isEmpty();
        assertThat(Cells.safe("")).isEmpty();
    }
}
