package org.delib.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The L1 maquette of the spec's example, and shorthands for hand-computed cases. */
final class Fixtures {

    private Fixtures() {}

    static Matiere matiere(String code, int coefficient, int credits, int exam, int cc, int tp, int tpSessions) {
        Map<Component, BigDecimal> w = new HashMap<>();
        w.put(Component.EXAM, BigDecimal.valueOf(exam));
        w.put(Component.CC, BigDecimal.valueOf(cc));
        if (tp > 0) {
            w.put(Component.TP, BigDecimal.valueOf(tp));
        }
        return new Matiere(code, code, BigDecimal.valueOf(coefficient), BigDecimal.valueOf(credits), w, tpSessions);
    }

    static Ue ue(String code, int coefficient, boolean required, Matiere... matieres) {
        return new Ue(code, code, Nature.FONDAMENTALE, BigDecimal.valueOf(coefficient), required, List.of(matieres));
    }

    /** S1: UEF11 (ANA1 c2 6cr, ALGO1 c3 8cr) c3, UEM11 (PROG1 c2 6cr, ARCH1 c1 4cr) c2, UED11 (PHYS1) c1, UET11 (ANG1) c1. */
    static Programme licenceInfo() {
        Semester s1 = new Semester("S1", "L1", List.of(
                ue("UEF11", 3, true, matiere("ANA1", 2, 6, 2, 1, 0, 0), matiere("ALGO1", 3, 8, 2, 1, 1, 10)),
                ue("UEM11", 2, false, matiere("PROG1", 2, 6, 2, 1, 1, 12), matiere("ARCH1", 1, 4, 2, 1, 0, 0)),
                ue("UED11", 1, false, matiere("PHYS1", 1, 4, 2, 1, 0, 0)),
                ue("UET11", 1, false, matiere("ANG1", 1, 2, 1, 1, 0, 0))));
        Semester s2 = new Semester("S2", "L1", List.of(
                ue("UEF21", 3, true, matiere("ANA2", 2, 6, 2, 1, 0, 0), matiere("ALGO2", 3, 8, 2, 1, 1, 10)),
                ue("UEM21", 2, false, matiere("PROG2", 2, 6, 2, 1, 1, 12), matiere("SYS2", 1, 4, 2, 1, 0, 0)),
                ue("UED21", 1, false, matiere("ELEC2", 1, 4, 2, 1, 0, 0)),
                ue("UET21", 1, false, matiere("ANG2", 1, 2, 1, 1, 0, 0))));
        return new Programme("LIC-INFO", "Licence Informatique", Cycle.LICENCE, "lmd-unipro", List.of(s1, s2), List.of());
    }

    /**
     * A whole licence: S1, S2 as in {@link #licenceInfo()}, and S3–S6 of the same shape, their codes suffixed by the
     * semester (UEF-S3 required, ANA-S3, …).
     */
    static Programme fullLicence() {
        List<Semester> semesters = new java.util.ArrayList<>(licenceInfo().semesters());
        String[][] later = {{"S3", "L2"}, {"S4", "L2"}, {"S5", "L3"}, {"S6", "L3"}};
        for (String[] s : later) {
            String x = "-" + s[0];
            semesters.add(new Semester(s[0], s[1], List.of(
                    ue("UEF" + x, 3, true, matiere("ANA" + x, 2, 6, 2, 1, 0, 0), matiere("ALGO" + x, 3, 8, 2, 1, 1, 10)),
                    ue("UEM" + x, 2, false, matiere("PROG" + x, 2, 6, 2, 1, 1, 12), matiere("ARCH" + x, 1, 4, 2, 1, 0, 0)),
                    ue("UED" + x, 1, false, matiere("PHYS" + x, 1, 4, 2, 1, 0, 0)),
                    ue("UET" + x, 1, false, matiere("ANG" + x, 1, 2, 1, 1, 0, 0)))));
        }
        return new Programme("LIC-INFO", "Licence Informatique", Cycle.LICENCE, "lmd-unipro", semesters, List.of());
    }

    /** A master: S1, S2 (M1) and S3, S4 (M2), of the licence's shape. */
    static Programme master() {
        List<Semester> semesters = fullLicence().semesters().subList(0, 4).stream()
                .map(s -> new Semester(s.code(), s.level().equals("L1") ? "M1" : "M2", s.ues())).toList();
        return new Programme("MAS-INFO", "Master Informatique", Cycle.MASTER, "lmd-unipro", semesters, List.of());
    }

    static final List<String> S1 = List.of("ANA1", "ALGO1", "PROG1", "ARCH1", "PHYS1", "ANG1");
    static final List<String> S2 = List.of("ANA2", "ALGO2", "PROG2", "SYS2", "ELEC2", "ANG2");

    static Entry e(String cell) {
        return Entry.parse(cell, true);
    }

    static MarkRow row(String exam, String cc, String tp) {
        return new MarkRow(e(exam), e(cc), e(tp));
    }

    /** A row whose matière mark is {@code mark} whatever the weights. */
    static MarkRow flat(String mark) {
        return row(mark, mark, mark);
    }

    static Student student(String level) {
        return new Student("E001", "Diallo", "Awa", level, 1, true, "GENERAL", "B");
    }

    /** A student builder: every matière of L1 at {@code mark}, then overrides. */
    static final class Record {
        final Map<String, MarkRow> s1 = new HashMap<>();
        final Map<String, Entry> r = new HashMap<>();
        final Map<String, Entry> s2 = new HashMap<>();
        final Map<String, Attendance> attendance = new HashMap<>();
        final List<Sanction> sanctions = new java.util.ArrayList<>();
        final Set<String> rachats = new java.util.HashSet<>();
        final List<History.Line> history = new java.util.ArrayList<>();
        final Map<String, ElementResult> earlierMatieres = new HashMap<>();
        String debtsYear = "";
        List<String> debts = List.of();
        Student student = student("L1");

        static Record allAt(String mark) {
            Record rec = new Record();
            S1.forEach(m -> rec.s1.put(m, flat(mark)));
            S2.forEach(m -> rec.s1.put(m, flat(mark)));
            return rec;
        }

        /** Every matière of {@code semesters} of the full licence at {@code mark}, for a student of {@code level}. */
        static Record levelAt(String level, String mark) {
            return levelAt(level.startsWith("M") ? master() : fullLicence(), level, mark);
        }

        static Record levelAt(Programme programme, String level, String mark) {
            Record rec = new Record();
            rec.student = new Student("E001", "Diallo", "Awa", level, 1, true, "GENERAL", "B");
            programme.semestersOf(level).forEach(s -> s.ues().forEach(u -> u.matieres()
                    .forEach(m -> rec.s1.put(m.code(), flat(mark)))));
            return rec;
        }

        Record years(int yearsInCycle) {
            student = new Student(student.id(), student.lastName(), student.firstName(), student.level(), yearsInCycle,
                    student.scholarship(), student.bacSeries(), student.bacMention());
            return this;
        }

        Record earlier(String element, String credits, Result result) {
            history.add(new History.Line("2024-2025", element, null, new BigDecimal(credits), result, 2));
            return this;
        }

        /**
         * What the final deliberation of {@code academicYear} leaves to the next years, as the run reads it back: its
         * UE, semester and year lines (the earlier levels it decided again included) in the history, the results of
         * its matières, and its debts when it is AJAC (those of an earlier AJAC year stay otherwise).
         */
        Record after(String academicYear, StudentResult finalResult) {
            List<ElementResult> all = new java.util.ArrayList<>(finalResult.elements());
            all.add(finalResult.year());
            all.addAll(finalResult.earlier());
            for (ElementResult e : all) {
                if (e.kind() == ElementKind.MATIERE) {
                    earlierMatieres.put(e.code(), e);
                } else {
                    history.add(new History.Line(academicYear, e.code(), e.mark(), e.credits(), e.result(),
                            e.session()));
                }
            }
            // The latest AJAC decision's debts stay owed, less what a later year paid off (Debts#stillOwed).
            if (finalResult.decision() == Decision.AJAC) {
                debtsYear = academicYear;
                debts = finalResult.debts();
            }
            return this;
        }

        Record set(String matiere, MarkRow row) {
            s1.put(matiere, row);
            return this;
        }

        Record semesterAt(List<String> matieres, String mark) {
            matieres.forEach(m -> s1.put(m, flat(mark)));
            return this;
        }

        StudentRecord build() {
            return new StudentRecord(student, s1, r, s2, attendance, sanctions, rachats, new History(history),
                    new Debts(debtsYear, debts, earlierMatieres));
        }
    }

    /** The default profile with the annual compensation and the retake of compensated UEs set. */
    static RulesProfile profile(boolean annualCompensation, boolean compensatedUeRetake) {
        RulesProfile p = RulesProfile.defaults();
        return new RulesProfile(p.name(), p.decimals(), p.passMark(), p.exclusion(),
                new RulesProfile.Rattrapage(false, compensatedUeRetake, RulesProfile.Replaces.EXAM), annualCompensation,
                p.progression(), p.maxDuration(), p.juryMargin(), p.ranking(), p.supportBelow(),
                p.rejectLimit());
    }

    static String mark(ElementResult e) {
        return e.mark() == null ? null : e.mark().toPlainString();
    }
}
