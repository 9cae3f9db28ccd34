package org.delib.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvOutputTest {

    @Test
    void neutralisesWhatASpreadsheetWouldRun() {
        assertThat(CsvOutput.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvOutput.neutralise("+33 6")).isEqualTo("'+33 6");
        assertThat(CsvOutput.neutralise("-2")).isEqualTo("'-2");
        assertThat(CsvOutput.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvOutput.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvOutput.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(CsvOutput.neutralise("Ndèye = Aïssatou")).isEqualTo("Ndèye = Aïssatou");
        assertThat(CsvOutput.neutralise(null)).isEmpty();
        assertThat(CsvOutput.neutralise("")).isEmpty();
    }
}
