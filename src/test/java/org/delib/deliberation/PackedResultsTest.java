package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.delib.rules.ElementKind;
import org.delib.rules.ElementResult;
import org.delib.rules.Result;
import org.junit.jupiter.api.Test;

class PackedResultsTest {

    @Test
    void packsEachElementAndReadsItBackAsItsColumnsWouldKeepIt() {
        List<ElementResult> results = List.of(
                new ElementResult("L1-S1-M1.a", ElementKind.MATIERE, new BigDecimal("12.333333"), Result.ADM,
                        new BigDecimal("4"), 1),
                new ElementResult("L1-S1-UE1", ElementKind.UE, null, Result.EXC, BigDecimal.ZERO, 2),
                new ElementResult("L1", ElementKind.ANNEE, new BigDecimal("9.99995"), Result.CMP,
                        new BigDecimal("60.005"), 1));
        String packed = PackedResults.pack(results);
        assertThat(packed).isEqualTo("L1-S1-M1.a MATIERE 12.3333 ADM 4.00 1;L1-S1-UE1 UE - EXC 0.00 2;"
                + "L1 ANNEE 10.0000 CMP 60.01 1");
        assertThat(PackedResults.unpack(packed)).containsOnlyKeys("L1-S1-M1.a", "L1-S1-UE1", "L1")
                .containsEntry("L1-S1-M1.a", new ElementResult("L1-S1-M1.a", ElementKind.MATIERE,
                        new BigDecimal("12.3333"), Result.ADM, new BigDecimal("4.00"), 1))
                .containsEntry("L1-S1-UE1", new ElementResult("L1-S1-UE1", ElementKind.UE, null, Result.EXC,
                        new BigDecimal("0.00"), 2))
                .containsEntry("L1", new ElementResult("L1", ElementKind.ANNEE, new BigDecimal("10.0000"),
                        Result.CMP, new BigDecimal("60.01"), 1));
        assertThat(PackedResults.unpack("")).isEmpty();
        assertThat(PackedResults.unpack(null)).isEmpty();
    }
}
