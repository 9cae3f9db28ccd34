package org.delib.deliberation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.delib.importing.StagedMarks;
import org.delib.rules.Attendance;
import org.delib.rules.Debts;
import org.delib.rules.Entry;
import org.delib.rules.History;
import org.delib.rules.MarkRow;
import org.delib.rules.Sanction;
import org.delib.rules.Student;
import org.delib.rules.StudentRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the staged inputs one student at a time, in student_id order: a page of students, then their marks,
 * attendance, sanctions, rachats, history and debts with one range query each (never a query per student).
 * Restartable: the last student handed out is saved at each commit, and a restart reads on from the next one.
 * Reads the students of one range of ids, a partition of the step.
 */
public class StudentRecordReader extends ItemStreamSupport implements ItemStreamReader<StudentRecord> {

    private final JdbcTemplate jdbc;
    private final long runId;
    private final String programme;
    private final String academicYear;
    private final int pageSize;
    /** The range of student ids read: ({@code after}, {@code upTo}]. */
    private final String after;
    private final String upTo;
    private final Deque<StudentRecord> page = new ArrayDeque<>();
    private String last = "";

    /**
     * The last student read, saved at each commit: a restart reads on after it ({@link PartitionRerun} has removed
     * what was written beyond it).
     */
    static final String LAST = "students.last";

    public StudentRecordReader(JdbcTemplate jdbc, long runId, String programme, String academicYear, int pageSize,
                               String after, String upTo) {
        this.after = after;
        this.upTo = upTo;
        this.jdbc = jdbc;
        this.runId = runId;
        this.programme = programme;
        this.academicYear = academicYear;
        this.pageSize = pageSize;
        setName("students");
    }

    @Override
    public void open(ExecutionContext context) {
        last = context.getString(LAST, after);
        page.clear();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(LAST, last);
    }

    @Override
    public StudentRecord read() {
        if (page.isEmpty()) {
            fetchAfter(last);
        }
        StudentRecord next = page.poll();
        if (next != null) {
            last = next.student().id();
        }
        return next;
    }

    private void fetchAfter(String from) {
        // Ordered as the index (run_id, student_id) is, so that a page is read from it, not sorted from the rest.
        List<Student> students = jdbc.query("SELECT student_id, last_name, first_name, level, years_in_cycle, "
                        + "scholarship, bac_series, bac_mention FROM delib_student WHERE run_id = ? AND student_id > ? "
                        + "AND student_id <= ? ORDER BY run_id, student_id FETCH FIRST " + pageSize + " ROWS ONLY",
                (rs, i) -> new Student(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getBoolean(6), rs.getString(7), rs.getString(8)),
                runId, from, upTo);
        if (students.isEmpty()) {
            return;
        }
        String to = students.get(students.size() - 1).id();
        Map<String, Inputs> byStudent = new HashMap<>();
        students.forEach(s -> byStudent.put(s.id(), new Inputs()));
        Object[] range = {runId, from, to};
        String inRange = " WHERE run_id = ? AND student_id > ? AND student_id <= ?";
        jdbc.query("SELECT student_id, marks FROM delib_mark" + inRange, rs -> {
            Inputs in = byStudent.get(rs.getString(1));
            for (StagedMarks.Mark m : StagedMarks.unpack(rs.getString(2))) {
                Entry exam = Entry.parse(m.exam(), false);
                switch (m.session()) {
                    case "1" -> in.sessionOne.put(m.matiere(), new MarkRow(exam, Entry.parse(m.cc(), false),
                            Entry.parse(m.tp(), false)));
                    case "R" -> in.replacement.put(m.matiere(), exam);
                    default -> in.rattrapage.put(m.matiere(), exam);
                }
            }
        }, range);
        jdbc.query("SELECT student_id, matiere, abs_justified, abs_unjustified, tp_abs_unjustified FROM delib_attendance"
                + inRange, rs -> {
                    byStudent.get(rs.getString(1)).attendance.put(rs.getString(2),
                            new Attendance(rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                }, range);
        jdbc.query("SELECT student_id, element, sanction, degree FROM delib_sanction" + inRange, rs -> {
            byStudent.get(rs.getString(1)).sanctions.add(
                    new Sanction(rs.getString(2), Sanction.Type.valueOf(rs.getString(3)), rs.getInt(4)));
        }, range);
        jdbc.query("SELECT student_id, element FROM delib_jury" + inRange, rs -> {
            byStudent.get(rs.getString(1)).rachats.add(rs.getString(2));
        }, range);
        Histories.Pasts pasts = Histories.load(jdbc, runId, programme, academicYear, from, to);
        for (Student s : students) {
            Inputs in = byStudent.get(s.id());
            // Sanctions in a fixed order: the rows came in whatever order the database chose.
            in.sanctions.sort(java.util.Comparator.comparing(Sanction::element).thenComparing(Sanction::type));
            page.add(new StudentRecord(s, in.sessionOne, in.replacement, in.rattrapage, in.attendance, in.sanctions,
                    in.rachats, pasts.histories().getOrDefault(s.id(), History.NONE),
                    pasts.debts().getOrDefault(s.id(), Debts.NONE)));
        }
    }

    /** One student's rows while a page is assembled. */
    private static final class Inputs {
        final Map<String, MarkRow> sessionOne = new HashMap<>();
        final Map<String, Entry> replacement = new HashMap<>();
        final Map<String, Entry> rattrapage = new HashMap<>();
        final Map<String, Attendance> attendance = new HashMap<>();
        final List<Sanction> sanctions = new ArrayList<>();
        final Set<String> rachats = new HashSet<>();
    }
}
