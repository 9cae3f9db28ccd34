package org.delib.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The input files of a run (FORMATS: Inputs), each with its columns and the table it is staged in.
 * The order is the import order: students first, since every other file refers to them.
 */
public enum InputFile {
    STUDENTS("students", true, "delib_student",
            List.of("student_id", "last_name", "first_name", "level", "years_in_cycle", "scholarship", "bac_series",
                    "bac_mention")),
    MARKS("marks", true, "delib_mark", List.of("student_id", "matiere", "session", "exam", "cc", "tp")),
    ATTENDANCE("attendance", false, "delib_attendance",
            List.of("student_id", "matiere", "abs_justified", "abs_unjustified", "tp_abs_unjustified")),
    SANCTIONS("sanctions", false, "delib_sanction", List.of("student_id", "element", "sanction", "degree")),
    JURY("jury", false, "delib_jury", List.of("student_id", "element", "reason")),
    HISTORY("history", false, "delib_history",
            List.of("student_id", "academic_year", "element", "mark", "credits", "result", "session")),
    WISHES("wishes", false, "delib_wish", List.of("student_id", "rank", "speciality")),
    PFE("pfe", false, "delib_pfe", List.of("student_id", "defence_session"));

    private final String baseName;
    private final boolean required;
    private final String table;
    private final List<String> columns;

    InputFile(String baseName, boolean required, String table, List<String> columns) {
        this.baseName = baseName;
        this.required = required;
        this.table = table;
        this.columns = columns;
    }

    public String baseName() {
        return baseName;
    }

    public String table() {
        return table;
    }

    /**
     * The contract's columns, which are also the staged table's columns after run_id and line, but for marks, which
     * are staged packed ({@link StagedMarks}).
     */
    public List<String> columns() {
        return columns;
    }

    /** How many input rows the staged table holds, as an SQL expression over its rows. */
    public String stagedRows() {
        return this == MARKS ? "COALESCE(SUM(entries), 0)" : "COUNT(*)";
    }

    public int index(String column) {
        return columns.indexOf(column);
    }

    /**
     * The file in {@code dir}: {@code name.csv} or {@code name.xlsx}. Null for an optional file that is absent.
     *
     * @throws InputException when a required file is missing, or when both forms are present
     */
    public Path locate(Path dir) {
        Path csv = dir.resolve(baseName + ".csv");
        Path xlsx = dir.resolve(baseName + ".xlsx");
        boolean hasCsv = Files.isRegularFile(csv);
        boolean hasXlsx = Files.isRegularFile(xlsx);
        if (hasCsv && hasXlsx) {
            throw new InputException(dir + ": both " + csv.getFileName() + " and " + xlsx.getFileName()
                    + " are present; keep one");
        }
        if (!hasCsv && !hasXlsx && required) {
            throw new InputException(dir + ": missing required file " + baseName + ".csv (or .xlsx)");
        }
        return hasCsv ? csv : hasXlsx ? xlsx : null;
    }
}
