package org.delib.rules;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a mark cell holds: a score out of 20, a justified ({@code ABJ}) or unjustified ({@code ABI}) absence,
 * or nothing yet (RULES §1).
 */
public record Entry(Kind kind, BigDecimal score) {

    public enum Kind { SCORE, ABJ, ABI, EMPTY }

    public static final Entry ABJ = new Entry(Kind.ABJ, null);
    public static final Entry ABI = new Entry(Kind.ABI, null);
    public static final Entry EMPTY = new Entry(Kind.EMPTY, null);
    private static final BigDecimal MAX = BigDecimal.valueOf(20);
    /**
     * Plain decimal digits only: BigDecimal alone would accept exponents such as 1E400. Compiled once: every mark
     * cell goes through it.
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,6}(\\.\\d{0,6})?|\\.\\d{1,6})");

    public static Entry score(BigDecimal value) {
        return new Entry(Kind.SCORE, value);
    }

    public static Entry score(String value) {
        return score(new BigDecimal(value));
    }

    /**
     * Reads a cell as typed by a registry: {@code 12.5}, {@code 12,5} where a decimal comma is allowed,
     * {@code ABJ}, {@code ABI} or blank.
     *
     * @throws IllegalArgumentException with a reason an administrator can act on
     */
    public static Entry parse(String text, boolean decimalComma) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return EMPTY;
        }
        if (t.equals("ABJ")) {
            return ABJ;
        }
        if (t.equals("ABI")) {
            return ABI;
        }
        if (decimalComma) {
            t = t.replace(',', '.');
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException("not a mark (a number from 0 to 20, ABJ, ABI or empty)");
        }
        BigDecimal value = new BigDecimal(t);
        if (value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("mark outside [0, 20]");
        }
        return score(value);
    }

    public boolean isScore() {
        return kind == Kind.SCORE;
    }
}
