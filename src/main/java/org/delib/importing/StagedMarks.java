package org.delib.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * marks.csv as staged in {@code delib_mark}: a student's consecutive accepted rows of one chunk packed into one row
 * ({@code line} the first one's, {@code entries} how many), instead of a row each. On H2 every staged row is written
 * to the table, to its index and to the transaction's undo log, then once more at commit: a million marks staged a
 * row each were seven seconds, a sixth of a run; packed, a student's fifteen or so marks are one row.
 *
 * <p>Each mark is packed as {@code line matiere session exam cc tp}, ';' between marks: the cells as the row checks
 * normalised them, none of which can hold a space or a ';' (programme codes follow the code pattern; marks are plain
 * decimals, ABJ, ABI or empty). A packed row never spans two chunks, so that a restarted import, which removes the
 * rows staged after its saved line, removes whole packed rows.
 */
public final class StagedMarks {

    /** Marks per packed row at most: a row stays small whatever the chunk size and however many rows a student has. */
    static final int MAX_PER_ROW = 500;
    static final String INSERT = "INSERT INTO delib_mark (run_id, line, student_id, entries, marks) "
            + "VALUES (?, ?, ?, ?, ?)";

    private StagedMarks() {}

    /** One staged mark row of marks.csv. */
    public record Mark(long line, String matiere, String session, String exam, String cc, String tp) {}

    /** A packed row: the student's marks from {@code line} on. */
    record Row(String studentId, long line, List<Mark> marks) {}

    /** The rows to insert for a chunk's accepted mark rows, in file order: consecutive rows of a student packed. */
    static List<Object[]> rows(long runId, List<Staged> accepted) {
        List<Object[]> rows = new ArrayList<>();
        StringBuilder packed = new StringBuilder();
        String student = null;
        long first = 0;
        int entries = 0;
        for (Staged s : accepted) {
            Object[] v = s.values();
            if (!v[0].equals(student) || entries == MAX_PER_ROW) {
                if (student != null) {
                    rows.add(new Object[] {runId, first, student, entries, packed.toString()});
                }
                student = (String) v[0];
                first = s.line();
                entries = 0;
                packed.setLength(0);
            }
            append(packed, new Mark(s.line(), (String) v[1], (String) v[2], (String) v[3], (String) v[4],
                    (String) v[5]));
            entries++;
        }
        if (student != null) {
            rows.add(new Object[] {runId, first, student, entries, packed.toString()});
        }
        return rows;
    }

    static String pack(List<Mark> marks) {
        StringBuilder packed = new StringBuilder(marks.size() * 32);
        marks.forEach(m -> append(packed, m));
        return packed.toString();
    }

    private static void append(StringBuilder packed, Mark m) {
        if (!packed.isEmpty()) {
            packed.append(';');
        }
        packed.append(m.line()).append(' ').append(m.matiere()).append(' ').append(m.session()).append(' ')
                .append(m.exam()).append(' ').append(m.cc()).append(' ').append(m.tp());
    }

    /** The marks {@link #pack} packed, in their order. */
    public static List<Mark> unpack(String packed) {
        List<Mark> marks = new ArrayList<>();
        int at = 0;
        while (at < packed.length()) {
            int end = packed.indexOf(';', at);
            if (end < 0) {
                end = packed.length();
            }
            String[] f = new String[6];
            for (int i = 0; i < 5; i++) {
                int space = packed.indexOf(' ', at);
                f[i] = packed.substring(at, space);
                at = space + 1;
            }
            f[5] = packed.substring(at, end);
            marks.add(new Mark(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], f[5]));
            at = end + 1;
        }
        return marks;
    }

    /**
     * The checks that need all of a student's marks, run over every student's staged marks in one pass: a row with
     * the student, matière and session of an earlier one is rejected (RULES §12.18); then a replacement row
     * (session R) without a session-1 exam marked ABJ for the matière (§12.2). Rejected marks leave their packed row.
     */
    static void crossCheck(JdbcTemplate jdbc, long runId, String fileName) {
        List<Row> student = new ArrayList<>();
        Changes changes = new Changes();
        jdbc.query("SELECT student_id, line, marks FROM delib_mark WHERE run_id = ? ORDER BY run_id, student_id, line",
                rs -> {
                    String id = rs.getString(1);
                    if (!student.isEmpty() && !student.get(0).studentId().equals(id)) {
                        changes.check(student, fileName);
                        student.clear();
                    }
                    student.add(new Row(id, rs.getLong(2), unpack(rs.getString(3))));
                }, runId);
        changes.check(student, fileName);
        changes.apply(jdbc, runId);
    }

    /**
     * Rejects, with {@code reason}, the marks of {@code studentId} that {@code refused} gives a reason for (null for
     * those kept): for the refusals found while deliberating, a few students at most.
     */
    public static void reject(JdbcTemplate jdbc, long runId, String fileName, String studentId,
                              Function<Mark, Reject> refused) {
        List<Row> rows = jdbc.query("SELECT line, marks FROM delib_mark WHERE run_id = ? AND student_id = ? "
                + "ORDER BY line", (rs, i) -> new Row(studentId, rs.getLong(1), unpack(rs.getString(2))),
                runId, studentId);
        Changes changes = new Changes();
        for (Row row : rows) {
            for (Mark m : row.marks()) {
                Reject r = refused.apply(m);
                if (r != null) {
                    changes.reject(row, m, r);
                }
            }
        }
        changes.apply(jdbc, runId);
    }

    /** The marks rejected and the packed rows they leave, written at the end in a few batched statements. */
    private static final class Changes {
        private final List<Reject> rejects = new ArrayList<>();
        /** The marks each changed row keeps, by row. */
        private final Map<Row, List<Mark>> kept = new LinkedHashMap<>();

        void reject(Row row, Mark mark, Reject reject) {
            rejects.add(reject);
            kept.computeIfAbsent(row, r -> new ArrayList<>(r.marks())).remove(mark);
        }

        /** A student's rows, ordered by their first line: their marks are then in file order. */
        void check(List<Row> rows, String fileName) {
            Map<String, Long> first = new HashMap<>();
            Set<Mark> duplicates = new HashSet<>();
            for (Row row : rows) {
                for (Mark m : row.marks()) {
                    Long earlier = first.putIfAbsent(m.matiere() + ' ' + m.session(), m.line());
                    if (earlier != null) {
                        duplicates.add(m);
                        reject(row, m, new Reject(InputFile.MARKS, fileName, m.line(), "student_id",
                                row.studentId(), "duplicate of line " + earlier
                                + " (same student_id, matiere, session); the later row is rejected"));
                    }
                }
            }
            Set<String> justified = new HashSet<>();
            for (Row row : rows) {
                for (Mark m : row.marks()) {
                    if (m.session().equals("1") && m.exam().equals("ABJ") && !duplicates.contains(m)) {
                        justified.add(m.matiere());
                    }
                }
            }
            for (Row row : rows) {
                for (Mark m : row.marks()) {
                    if (m.session().equals("R") && !duplicates.contains(m) && !justified.contains(m.matiere())) {
                        reject(row, m, new Reject(InputFile.MARKS, fileName, m.line(), "session", m.session(),
                                "a replacement exam (session R) needs a session-1 exam marked ABJ (Art. 41)"));
                    }
                }
            }
        }

        void apply(JdbcTemplate jdbc, long runId) {
            if (rejects.isEmpty()) {
                return;
            }
            Rejects.insert(jdbc, runId, rejects);
            List<Object[]> emptied = new ArrayList<>();
            List<Object[]> shortened = new ArrayList<>();
            kept.forEach((row, marks) -> {
                if (marks.isEmpty()) {
                    emptied.add(new Object[] {runId, row.studentId(), row.line()});
                } else {
                    shortened.add(new Object[] {marks.size(), pack(marks), runId, row.studentId(), row.line()});
                }
            });
            String where = " WHERE run_id = ? AND student_id = ? AND line = ?";
            if (!emptied.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM delib_mark" + where, emptied);
            }
            if (!shortened.isEmpty()) {
                jdbc.batchUpdate("UPDATE delib_mark SET entries = ?, marks = ?" + where, shortened);
            }
        }
    }
}
