package org.delib.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Weighted averages as RULES §12.1 reads them: exact, then rounded half-up once. */
final class Averages {

    private Averages() {}

    /** A mark with the weight it carries in an average. */
    record Weighted(BigDecimal mark, BigDecimal weight) {}

    /**
     * Σ weight × mark / Σ weight, rounded half-up to the profile's decimals; null when any mark is missing
     * (a level cannot be computed from an incomplete level below) or when there is nothing to weigh.
     */
    static BigDecimal of(List<Weighted> terms, int decimals) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Weighted t : terms) {
            if (t.mark() == null) {
                return null;
            }
            sum = sum.add(t.mark().multiply(t.weight()));
            weights = weights.add(t.weight());
        }
        // divide(…, scale, HALF_UP) rounds the exact quotient: no intermediate rounding.
        return weights.signum() == 0 ? null : sum.divide(weights, decimals, RoundingMode.HALF_UP);
    }
}
