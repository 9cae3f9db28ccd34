package org.delib.deliberation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;
import org.delib.rules.Decision;
import org.delib.rules.ElementResult;
import org.delib.rules.Programme;
import org.delib.rules.RulesProfile;
import org.delib.rules.Student;
import org.delib.rules.StudentResult;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's deliberated students read back from the database in student order, a page at a time, for the documents
 * built after the deliberation (the PV, the transcripts) and the ranking: memory stays flat whatever the cohort.
 * Each result carries, as {@link StudentResult#earlier()}, the earlier levels the run decided again with debts.
 */
public class StoredResults implements Iterable<StudentResult> {

    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final long runId;
    private final Programme programme;
    private final RulesProfile profile;
    private final Predicate<Student> students;

    /** The results of run {@code runId}, of the students {@code students} accepts. */
    public StoredResults(JdbcTemplate jdbc, long runId, Programme programme, RulesProfile profile,
                         Predicate<Student> students) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.programme = programme;
        this.profile = profile;
        this.students = students;
    }

    @Override
    public Iterator<StudentResult> iterator() {
        return new Iterator<>() {
            private final Deque<StudentResult> page = new ArrayDeque<>();
            private String last = "";
            private boolean done;

            @Override
            public boolean hasNext() {
                // A page may hold none of the students asked for: read on from its last one.
                while (page.isEmpty() && !done) {
                    String read = fetchAfter(last, page);
                    done = read == null;
                    last = done ? last : read;
                }
                return !page.isEmpty();
            }

            @Override
            public StudentResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.poll();
            }
        };
    }

    /**
     * A page: the run, then the student after which it starts, twice. Ordered as the key (run_id, student_id) is,
     * so that a page is read from it, not sorted from the rest. The bound is given for both tables: PostgreSQL does
     * not carry it across the join, and its merge join read the students from the first for every page (a cost in
     * N²: ten seconds for 256,000 students).
     */
    static final String PAGE_QUERY = "SELECT d.student_id, s.last_name, s.first_name, s.level, s.years_in_cycle, "
            + "s.scholarship, s.bac_series, s.bac_mention, d.decision, d.next_level, d.debts, d.results "
            + "FROM delib_decision d JOIN delib_student s ON s.run_id = d.run_id AND s.student_id = d.student_id "
            + "WHERE d.run_id = ? AND d.student_id > ? AND s.student_id > ? "
            + "ORDER BY d.run_id, d.student_id FETCH FIRST " + PAGE + " ROWS ONLY";

    /** Reads the page after {@code after}: the id of its last student, or null when there was nothing left. */
    private String fetchAfter(String after, Deque<StudentResult> into) {
        List<Object[]> decisions = jdbc.query(PAGE_QUERY,
                (rs, i) -> new Object[] {new Student(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getBoolean(6), rs.getString(7), rs.getString(8)),
                        Decision.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12)},
                runId, after, after);
        if (decisions.isEmpty()) {
            return null;
        }
        String to = ((Student) decisions.get(decisions.size() - 1)[0]).id();
        for (Object[] d : decisions) {
            Student s = (Student) d[0];
            if (!students.test(s)) {
                continue;
            }
            Map<String, ElementResult> mine = new HashMap<>();
            PackedResults.unpack((String) d[4]).forEach((code, e) -> mine.put(code, new ElementResult(code, e.kind(),
                    e.mark() == null ? null : profile.round(e.mark()), e.result(), e.credits().stripTrailingZeros(),
                    e.session())));
            List<ElementResult> ordered = new ArrayList<>();
            addLevel(s.level(), mine, ordered);
            // The earlier levels the run decided again with debts: the elements it kept of them.
            List<ElementResult> earlier = new ArrayList<>();
            List<String> cycle = programme.cycle().levels();
            cycle.subList(0, Math.max(0, cycle.indexOf(s.level()))).forEach(level -> {
                addLevel(level, mine, earlier);
                earlier.add(mine.get(level));
            });
            earlier.removeIf(Objects::isNull); // only the debts, their UEs and semesters, and the year were kept
            String debts = (String) d[3];
            into.add(new StudentResult(s, ordered, mine.get(s.level()), (Decision) d[1], (String) d[2],
                    debts.isEmpty() ? List.of() : Arrays.asList(debts.split("\\|")), List.of(), List.of(), List.of(),
                    earlier));
        }
        return to;
    }

    /** The elements of {@code level}'s semesters in programme order (each UE after its matières), as kept. */
    private void addLevel(String level, Map<String, ElementResult> kept, List<ElementResult> into) {
        programme.semestersOf(level).forEach(sem -> {
            sem.ues().forEach(u -> {
                u.matieres().forEach(m -> into.add(kept.get(m.code())));
                into.add(kept.get(u.code()));
            });
            into.add(kept.get(sem.code()));
        });
    }
}
