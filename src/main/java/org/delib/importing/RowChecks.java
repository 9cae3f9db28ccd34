package org.delib.importing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.delib.rules.Component;
import org.delib.rules.Entry;
import org.delib.rules.Matiere;
import org.delib.rules.Programme;
import org.delib.rules.Sanction;

/**
 * Checks each input row against the contract and the programme (RULES §12.18): what passes is staged with its
 * values normalised, what does not is rejected with the first problem found.
 * Cross-row checks (duplicate keys, replacement rows) are made on the staged tables once every file is read.
 */
public final class RowChecks {

    static final int MAX_ID = 64;
    static final int MAX_NAME = 200;
    private static final Set<String> BAC_SERIES = Set.of("GENERAL", "TECHNO", "PRO", "BTS", "DUT", "DEUST", "OTHER");
    private static final Set<String> BAC_MENTIONS = Set.of("NONE", "AB", "B", "TB");
    private static final Set<String> SESSIONS = Set.of("1", "R", "2");
    private static final Set<String> RESULTS = java.util.Arrays.stream(org.delib.rules.Result.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toSet());

    private final Programme programme;
    private final Map<String, Matiere> matieres;
    /** Each element code of the programme: what it is (for messages) and the year level it belongs to. */
    private final Map<String, String[]> elementLevels = new java.util.HashMap<>();
    private final Set<String> elements;
    /** Registered students and their level, for every file after students.csv. */
    private final Map<String, String> studentLevels;
    /** The matières each student owes from an earlier level (Art. 32): their rows are this year's too. */
    private final Map<String, Set<String>> debts;

    public RowChecks(Programme programme, Map<String, String> studentLevels, Map<String, Set<String>> debts) {
        this.programme = programme;
        this.matieres = programme.matieres();
        programme.semesters().forEach(s -> {
            elementLevels.put(s.code(), new String[] {"a semester", s.level()});
            elementLevels.put(s.level(), new String[] {"another year", s.level()});
            s.ues().forEach(u -> {
                elementLevels.put(u.code(), new String[] {"a UE", s.level()});
                u.matieres().forEach(m -> elementLevels.put(m.code(), new String[] {"a matière", s.level()}));
            });
        });
        this.elements = elementLevels.keySet();
        this.studentLevels = studentLevels;
        this.debts = debts;
    }

    /** The check of one file's rows, named as the file was given (for rejects.csv). */
    public Function<InputRow, Staged> of(InputFile file, String fileName) {
        return row -> {
            Row r = new Row(file, fileName, row);
            if (row.problem() != null) {
                return Staged.rejected(new Reject(file, fileName, row.line(), r.unreadableColumn(),
                        r.unreadableColumn().isEmpty() ? "" : r.raw(r.unreadableColumn()), row.problem()));
            }
            try {
                return Staged.accepted(row.line(), switch (file) {
                    case STUDENTS -> student(r);
                    case MARKS -> mark(r);
                    case ATTENDANCE -> attendance(r);
                    case SANCTIONS -> sanction(r);
                    case JURY -> rachat(r);
                    case HISTORY -> history(r);
                    case WISHES -> wish(r);
                    case PFE -> new Object[] {r.student(), r.oneOf("defence_session", Set.of("JULY", "SEPTEMBER"))};
                });
            } catch (Rejected e) {
                return Staged.rejected(e.reject);
            }
        };
    }

    private Object[] student(Row r) {
        String id = r.id("student_id");
        String level = r.text("level", 2);
        if (!programme.cycle().levels().contains(level) || !programme.hasLevel(level)) {
            throw r.reject("level", "level " + level + " has no semester in programme " + programme.code());
        }
        int years = r.integer("years_in_cycle", 1, 20);
        String scholarship = r.text("scholarship", 3);
        if (!scholarship.equals("yes") && !scholarship.equals("no")) {
            throw r.reject("scholarship", "expected yes or no");
        }
        return new Object[] {id, r.name("last_name"), r.name("first_name"), level, years, scholarship.equals("yes"),
                r.oneOf("bac_series", BAC_SERIES), r.oneOf("bac_mention", BAC_MENTIONS)};
    }

    private Object[] mark(Row r) {
        String student = r.student();
        Matiere m = r.matiere(student);
        String session = r.oneOf("session", SESSIONS);
        String[] cells = new String[3];
        for (Component c : Component.values()) {
            // RULES §12.2: on replacement and rattrapage rows only the exam cell is read.
            if (!session.equals("1") && c != Component.EXAM) {
                cells[c.ordinal()] = "";
                continue;
            }
            Entry e = r.entry(c.column());
            // RULES §12.2: at the rattrapage a matière without exam has its whole mark in the exam cell.
            boolean wholeMark = session.equals("2") && c == Component.EXAM;
            if (!m.has(c) && !wholeMark && e.kind() != Entry.Kind.EMPTY) {
                throw r.reject(c.column(), m.code() + " has no " + c.column() + " component");
            }
            cells[c.ordinal()] = switch (e.kind()) {
                case SCORE -> e.score().toPlainString();
                case ABJ, ABI -> e.kind().name();
                case EMPTY -> "";
            };
        }
        return new Object[] {student, m.code(), session, cells[0], cells[1], cells[2]};
    }

    private Object[] attendance(Row r) {
        String student = r.student();
        Matiere m = r.matiere(student);
        return new Object[] {student, m.code(), r.count("abs_justified"), r.count("abs_unjustified"),
                r.count("tp_abs_unjustified")};
    }

    private Object[] sanction(Row r) {
        String student = r.student();
        String element = r.id("element");
        Sanction.Type type;
        try {
            type = Sanction.Type.valueOf(r.text("sanction", 32));
        } catch (IllegalArgumentException e) {
            throw r.reject("sanction", "unknown sanction (ZERO, EXCLUSION_MATIERE, NON_VALIDATION_SEMESTRE or NON_VALIDATION_ANNEE)");
        }
        boolean fits = switch (type) {
            case ZERO, EXCLUSION_MATIERE -> matieres.containsKey(element);
            case NON_VALIDATION_SEMESTRE -> programme.semester(element).isPresent();
            case NON_VALIDATION_ANNEE -> programme.hasLevel(element);
        };
        if (!fits) {
            throw r.reject("element", type + " needs a " + switch (type) {
                case ZERO, EXCLUSION_MATIERE -> "matière";
                case NON_VALIDATION_SEMESTRE -> "semester";
                case NON_VALIDATION_ANNEE -> "year level";
            } + " of the programme, not " + element);
        }
        r.sameLevel(student, "element", element, true);
        return new Object[] {student, element, type.name(), r.integer("degree", 1, 2)};
    }

    private Object[] rachat(Row r) {
        String student = r.student();
        String element = r.id("element");
        if (!elements.contains(element)) {
            throw r.reject("element", "unknown element (a matière, UE, semester or year level of the programme)");
        }
        r.sameLevel(student, "element", element, false);
        String reason = r.text("reason", Reject.MAX_VALUE);
        if (reason.isEmpty()) {
            throw r.reject("reason", "a rachat needs its reason (Art. 51)");
        }
        return new Object[] {student, element, reason};
    }

    private Object[] history(Row r) {
        String student = r.student();
        String year = r.text("academic_year", 9);
        if (!year.matches("\\d{4}-\\d{4}")) {
            throw r.reject("academic_year", "expected a year such as 2024-2025");
        }
        String element = r.id("element");
        if (!elements.contains(element) || matieres.containsKey(element)) {
            throw r.reject("element", "expected a UE, semester or year level of the programme");
        }
        Entry mark = r.entry("mark");
        if (mark.kind() == Entry.Kind.ABJ || mark.kind() == Entry.Kind.ABI) {
            throw r.reject("mark", "expected a mark from 0 to 20, or empty");
        }
        java.math.BigDecimal credits;
        try {
            credits = new java.math.BigDecimal(r.text("credits", 8).replace(',', '.'));
        } catch (NumberFormatException e) {
            throw r.reject("credits", "expected a number of credits");
        }
        if (credits.signum() < 0 || credits.compareTo(java.math.BigDecimal.valueOf(180)) > 0) {
            throw r.reject("credits", "expected a number of credits from 0 to 180");
        }
        return new Object[] {student, year, element, mark.score(), credits,
                r.oneOf("result", RESULTS), r.integer("session", 1, 2)};
    }

    private Object[] wish(Row r) {
        String student = r.student();
        int rank = r.integer("rank", 1, 99);
        String speciality = r.id("speciality");
        if (programme.specialities().stream().noneMatch(s -> s.code().equals(speciality))) {
            throw r.reject("speciality", "unknown speciality (not in programme " + programme.code() + ")");
        }
        return new Object[] {student, rank, speciality};
    }

    /** Thrown inside a check to reject the row; never escapes {@link #of}. */
    private static final class Rejected extends RuntimeException {
        final Reject reject;

        Rejected(Reject reject) {
            super(reject.reason(), null, false, false);
            this.reject = reject;
        }
    }

    /** One row under check, with the readers of its cells. */
    private final class Row {
        final InputFile file;
        final String fileName;
        final InputRow row;

        Row(InputFile file, String fileName, InputRow row) {
            this.file = file;
            this.fileName = fileName;
            this.row = row;
        }

        /** The first column whose bytes were not valid UTF-8, or empty when the problem is the whole row. */
        String unreadableColumn() {
            for (String column : file.columns()) {
                if (raw(column).indexOf('\uFFFD') >= 0) {
                    return column;
                }
            }
            return "";
        }

        String raw(String column) {
            String v = row.values()[file.index(column)];
            return v == null ? "" : v;
        }

        Rejected reject(String column, String reason) {
            return new Rejected(new Reject(file, fileName, row.line(), column, raw(column), reason));
        }

        String text(String column, int max) {
            String v = raw(column).trim();
            if (v.length() > max) {
                throw reject(column, "longer than " + max + " characters");
            }
            return v;
        }

        String id(String column) {
            String v = text(column, MAX_ID);
            if (v.isEmpty()) {
                throw reject(column, "empty");
            }
            if (v.chars().anyMatch(ch -> Character.isISOControl(ch) || Character.isWhitespace(ch)
                    || Character.getType(ch) == Character.FORMAT)) {
                throw reject(column, "a code must not contain spaces, control or invisible characters");
            }
            return v;
        }

        String name(String column) {
            String v = text(column, MAX_NAME);
            if (v.isEmpty()) {
                throw reject(column, "empty");
            }
            if (v.chars().anyMatch(Character::isISOControl)) {
                throw reject(column, "contains control characters");
            }
            return v;
        }

        String oneOf(String column, Set<String> values) {
            String v = text(column, 16);
            if (!values.contains(v)) {
                throw reject(column, "unknown code (expected one of " + new java.util.TreeSet<>(values) + ")");
            }
            return v;
        }

        int integer(String column, int min, int max) {
            String v = text(column, 16);
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw reject(column, "expected a whole number from " + min + " to " + max);
        }

        /** An absence count; an empty cell is none. */
        int count(String column) {
            return raw(column).isBlank() ? 0 : integer(column, 0, 10_000);
        }

        String student() {
            String id = id("student_id");
            if (!studentLevels.containsKey(id)) {
                throw reject("student_id", "unknown student (not in students)");
            }
            return id;
        }

        Matiere matiere(String student) {
            Matiere m = matieres.get(id("matiere"));
            if (m == null) {
                throw reject("matiere", "unknown matière (not in programme " + programme.code() + ")");
            }
            sameLevel(student, "matiere", m.code(), true);
            return m;
        }

        /**
         * A row about an element of another year than the student's would be accepted and never applied; where
         * {@code debtsCount}, a matière the student owes from an earlier level is theirs this year too.
         */
        void sameLevel(String student, String column, String element, boolean debtsCount) {
            String[] what = elementLevels.get(element);
            String level = studentLevels.get(student);
            if (what[1].equals(level)) {
                return;
            }
            List<String> levels = programme.cycle().levels();
            if (debtsCount && matieres.containsKey(element) && levels.indexOf(what[1]) < levels.indexOf(level)) {
                if (debts.getOrDefault(student, Set.of()).contains(element)) {
                    return;
                }
                throw reject(column, element + " is a matière of " + what[1] + " and not one of " + student
                        + "'s debts; " + student + " is registered in " + level);
            }
            throw reject(column, element + " is " + what[0] + " of " + what[1] + "; " + student
                    + " is registered in " + level);
        }

        Entry entry(String column) {
            try {
                return Entry.parse(raw(column), row.decimalComma());
            } catch (IllegalArgumentException e) {
                throw reject(column, e.getMessage());
            }
        }
    }
}
