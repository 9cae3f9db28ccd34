package org.delib.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What follows the final deliberation of a year (Art. 29–36, 68; RULES §7, §12.12–12.15). */
public final class Progression {

    private Progression() {}

    /** The final decision, the level the student registers in next, and the matières owed with debts. */
    public record Outcome(Decision decision, String nextLevel, List<String> debts) {}

    public static Outcome decide(Programme programme, RulesProfile profile, Student student,
                                 Acquisition.Outcome year, History history) {
        Result result = year.year().result();
        if (result == Result.DEF) {
            return new Outcome(Decision.DEF, "", List.of());
        }
        if (result == Result.ATT) {
            return new Outcome(Decision.ATT, "", List.of());
        }
        Cycle cycle = programme.cycle();
        String level = student.level();
        BigDecimal cycleCredits = history.creditsBefore(programme, level).add(year.year().credits());
        if (cycle.isFinalYear(level)) {
            // Art. 68: the diploma when every credit of the cycle is earned.
            return result.acquired() && cycleCredits.compareTo(BigDecimal.valueOf(cycle.diplomaCredits())) >= 0
                    ? new Outcome(Decision.DIPL, "", List.of())
                    : notAdmitted(cycle, profile, student, cycleCredits);
        }
        String next = cycle.nextLevel(level);
        boolean admitted = level.equals("L2") ? semestersAcquired(programme, year, history, "L1", "L2")
                : result.acquired();
        if (admitted) {
            return new Outcome(Decision.valueOf(result.name()), next, List.of()); // admitted implies the year acquired
        }
        if (withDebts(programme, profile, level, year, history)) {
            return new Outcome(Decision.AJAC, next, debts(programme.semestersOf(level), year));
        }
        return notAdmitted(cycle, profile, student, cycleCredits);
    }

    /** Art. 32 and the profile's reading of "1/3 in one semester, 2/3 in the other" (RULES §12.12). */
    private static boolean withDebts(Programme programme, RulesProfile profile, String level, Acquisition.Outcome year,
                                     History history) {
        RulesProfile.Progression rules = profile.progression();
        BigDecimal credits = year.year().credits();
        return switch (level) {
            case "L1" -> credits.compareTo(rules.l1MinCredits()) >= 0 && programme.semestersOf(level).stream()
                    .allMatch(s -> year.element(s.code()).credits().compareTo(rules.l1MinSemesterCredits()) >= 0);
            case "L2" -> credits(programme, year, history, "L1", "L2").compareTo(rules.l2MinCredits()) >= 0
                    && requiredUesAcquired(programme, year, history, "L1", "L2");
            case "M1" -> credits.compareTo(rules.m1MinCredits()) >= 0
                    && requiredUesAcquired(programme, year, history, "M1");
            default -> false;
        };
    }

    /** Art. 33, 36: re-registration, unless the maximum duration in the cycle is reached (RULES §12.14). */
    private static Outcome notAdmitted(Cycle cycle, RulesProfile profile, Student student, BigDecimal cycleCredits) {
        RulesProfile.MaxDuration max = profile.maxDuration();
        int limit = cycle == Cycle.MASTER ? max.master()
                : cycleCredits.compareTo(max.licenceExtendedMinCredits()) >= 0 ? max.licenceExtended() : max.licence();
        return student.yearsInCycle() >= limit ? new Outcome(Decision.NAR, "", List.of())
                : new Outcome(Decision.RED, student.level(), List.of());
    }

    /**
     * The result of a semester or UE: this year's if it belongs to this year, else the latest in the history; an
     * earlier year known only by its year line was acquired element by element if that line is ADM (RULES §12.6).
     */
    private static Result resultOf(String code, String level, Acquisition.Outcome year, History history) {
        return year.elements().stream().filter(e -> e.code().equals(code)).map(ElementResult::result).findFirst()
                .orElseGet(() -> history.latest(code).map(History.Line::result)
                        .orElseGet(() -> history.latest(level).map(History.Line::result)
                                .filter(r -> r == Result.ADM).orElse(Result.AJ)));
    }

    private static BigDecimal creditsOf(Semester s, Acquisition.Outcome year, History history) {
        return year.elements().stream().filter(e -> e.code().equals(s.code())).map(ElementResult::credits).findFirst()
                .orElseGet(() -> history.latest(s.code()).map(History.Line::credits)
                        .orElseGet(() -> history.latest(s.level()).filter(l -> l.result().acquired())
                                .map(l -> s.credits()).orElse(BigDecimal.ZERO)));
    }

    private static List<Semester> semestersOf(Programme programme, String... levels) {
        List<Semester> all = new ArrayList<>();
        for (String l : levels) {
            all.addAll(programme.semestersOf(l));
        }
        return all;
    }

    private static boolean semestersAcquired(Programme programme, Acquisition.Outcome year, History history,
                                             String... levels) {
        return semestersOf(programme, levels).stream()
                .allMatch(s -> resultOf(s.code(), s.level(), year, history).acquired());
    }

    private static BigDecimal credits(Programme programme, Acquisition.Outcome year, History history, String... levels) {
        return semestersOf(programme, levels).stream().map(s -> creditsOf(s, year, history))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A required UE counts as acquired if it is, or if its semester is (RULES §12.12). */
    private static boolean requiredUesAcquired(Programme programme, Acquisition.Outcome year, History history,
                                               String... levels) {
        for (Semester s : semestersOf(programme, levels)) {
            boolean semester = resultOf(s.code(), s.level(), year, history).acquired();
            for (Ue u : s.ues()) {
                if (u.required() && !semester && !resultOf(u.code(), s.level(), year, history).acquired()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** RULES §12.13: non-acquired matières of non-acquired UEs of non-acquired semesters, in programme order. */
    static List<String> debts(List<Semester> semesters, Acquisition.Outcome year) {
        List<String> debts = new ArrayList<>();
        for (Semester s : semesters) {
            if (year.element(s.code()).result().acquired()) {
                continue;
            }
            for (Ue u : s.ues()) {
                if (year.element(u.code()).result().acquired()) {
                    continue;
                }
                for (Matiere m : u.matieres()) {
                    if (!year.element(m.code()).result().acquired()) {
                        debts.add(m.code());
                    }
                }
            }
        }
        return debts;
    }
}
