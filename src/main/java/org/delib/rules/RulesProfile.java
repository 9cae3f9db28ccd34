package org.delib.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every value RULES.md marks as a setting. {@link #defaults()} is the profile {@code lmd-unipro}: the values of the
 * regulation as written. Other institutions change them in a profile file, never in code.
 */
public record RulesProfile(
        String name,
        int decimals,
        BigDecimal passMark,
        Exclusion exclusion,
        Rattrapage rattrapage,
        boolean annualCompensation,
        Progression progression,
        MaxDuration maxDuration,
        BigDecimal juryMargin,
        Ranking ranking,
        BigDecimal supportBelow,
        int rejectLimit) {

    /** Art. 38: attendance thresholds; {@code tpFraction} is "n/d", exceeded strictly (RULES §12.5). */
    public record Exclusion(int unjustifiedAbsences, int totalAbsences, String tpFraction) {}

    /** Art. 25, 26: who may retake what, and what the rattrapage mark replaces. */
    public record Rattrapage(boolean excludedRetake, boolean compensatedUeRetake, Replaces replaces) {}

    public enum Replaces { EXAM, WHOLE_MARK }

    /** Art. 29–32: admission with debts (AJAC). */
    public record Progression(BigDecimal l1MinCredits, BigDecimal l1MinSemesterCredits,
                              BigDecimal l2MinCredits, BigDecimal m1MinCredits) {}

    /** Art. 33, 36: maximum years in a cycle before NAR. */
    public record MaxDuration(int licence, int licenceExtended, BigDecimal licenceExtendedMinCredits, int master) {}

    /** Art. 55: MC = MSE × (1 − penalty × (r/repeat + d/debt + s/rattrapage)). */
    public record Ranking(BigDecimal penalty, int repeatDivisor, int debtDivisor, int rattrapageDivisor) {}

    public static RulesProfile defaults() {
        return new RulesProfile("lmd-unipro", 2, BigDecimal.TEN,
                new Exclusion(3, 5, "1/3"),
                new Rattrapage(false, false, Replaces.EXAM),
                true,
                new Progression(BigDecimal.valueOf(30), BigDecimal.TEN, BigDecimal.valueOf(90), BigDecimal.valueOf(45)),
                new MaxDuration(5, 6, BigDecimal.valueOf(120), 3),
                new BigDecimal("0.50"),
                new Ranking(new BigDecimal("0.04"), 1, 2, 4),
                new BigDecimal("11.00"),
                1000);
    }

    /** Rounds half-up to the profile's decimals (RULES §0): the value compared and printed. */
    public BigDecimal round(BigDecimal value) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** RULES §12.5: strictly more than the fraction of the TP sessions missed without justification. */
    public boolean tpAbsencesExclude(int missed, int sessions) {
        String[] f = exclusion.tpFraction().split("/");
        return sessions > 0 && (long) missed * Integer.parseInt(f[1].trim()) > (long) sessions * Integer.parseInt(f[0].trim());
    }

    public boolean passes(BigDecimal mark) {
        return mark != null && mark.compareTo(passMark) >= 0;
    }

    /** What makes this profile unusable; empty when it is valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (decimals < 0 || decimals > 4) {
            p.add("decimals must be between 0 and 4");
        }
        if (passMark == null || passMark.signum() <= 0 || passMark.compareTo(BigDecimal.valueOf(20)) > 0) {
            p.add("pass_mark must be in ]0, 20]");
        }
        if (exclusion.unjustifiedAbsences() < 1 || exclusion.totalAbsences() < 1) {
            p.add("exclusion thresholds must be at least 1");
        }
        if (exclusion.tpFraction() == null || !exclusion.tpFraction().matches("\\s*[1-9]\\d*\\s*/\\s*[1-9]\\d*\\s*")) {
            p.add("exclusion.tp_fraction must be a fraction such as 1/3");
        }
        if (juryMargin == null || juryMargin.signum() < 0) {
            p.add("jury_margin must not be negative");
        }
        if (ranking.penalty().signum() < 0 || ranking.repeatDivisor() < 1 || ranking.debtDivisor() < 1
                || ranking.rattrapageDivisor() < 1) {
            p.add("ranking: penalty must not be negative and divisors must be at least 1");
        }
        if (maxDuration.licence() < 3 || maxDuration.licenceExtended() < maxDuration.licence() || maxDuration.master() < 2) {
            p.add("max_duration: licence >= 3, licence_extended >= licence, master >= 2");
        }
        if (supportBelow == null || supportBelow.signum() < 0 || supportBelow.compareTo(BigDecimal.valueOf(20)) > 0) {
            p.add("support_below must be in [0, 20]");
        }
        if (rejectLimit < 0) {
            p.add("reject_limit must not be negative");
        }
        return p;
    }
}
