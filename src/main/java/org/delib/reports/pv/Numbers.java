package org.delib.reports.pv;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Marks and credits as the PDFs print them: the rules profile's decimals (the rounded value is the one printed,
 * RULES §0) and whole credits without decimals (§12.17), with a decimal point. The same text as the contract's CSV
 * outputs, without depending on a registrar's export settings, which are for CSV imports, not for documents.
 */
final class Numbers {

    private final int decimals;

    Numbers(int decimals) {
        this.decimals = decimals;
    }

    /** A mark, empty when it cannot be computed. */
    String mark(BigDecimal mark) {
        return mark == null ? "" : mark.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    static String credits(BigDecimal credits) {
        // Plain, a whole number has no decimal point: 30, not 3E+1 nor 30.0.
        return credits.stripTrailingZeros().toPlainString();
    }
}
