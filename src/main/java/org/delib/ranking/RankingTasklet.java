package org.delib.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.delib.deliberation.Histories;
import org.delib.deliberation.RunContext;
import org.delib.deliberation.StoredResults;
import org.delib.reports.CsvOutput;
import org.delib.rules.History;
import org.delib.rules.Orientation;
import org.delib.rules.Ranking;
import org.delib.rules.StudentResult;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After the final session: the ranking with its majors (Art. 55, 56, 69, 70) and the orientation into specialities
 * (Art. 57). A ranking compares every student of a level, so this step holds one small entry per student in memory
 * — by design, a few hundred bytes each. Its files are rewritten whole, so a restart simply runs it again. (The
 * support list of every session, RULES §11, is written by the deliberation's partitions: {@code StudentReports}.)
 */
public class RankingTasklet implements Tasklet {

    public static final String RANKING = "classement.csv";
    public static final String ORIENTATION = "orientation.csv";

    private final RunContext run;
    private final JdbcTemplate jdbc;

    public RankingTasklet(RunContext run, JdbcTemplate jdbc) {
        this.run = run;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (run.session() == 2) {
            rankAndOrient(new StoredResults(jdbc, run.runId(), run.programme(), run.profile(), s -> true),
                    run.csv());
        }
        return RepeatStatus.FINISHED;
    }

    private void rankAndOrient(StoredResults results, CsvOutput out) {
        Map<String, History> history = Histories.all(jdbc, run);
        Set<String> sanctioned = new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT student_id FROM delib_sanction WHERE run_id = ?", String.class, run.runId()));
        Set<String> july = new HashSet<>(jdbc.queryForList(
                "SELECT student_id FROM delib_pfe WHERE run_id = ? AND defence_session = 'JULY'", String.class,
                run.runId()));
        List<Ranking.Entry> entries = new ArrayList<>();
        Map<String, Orientation.Candidate> candidates = new HashMap<>();
        for (StudentResult r : results) {
            History h = history.getOrDefault(r.student().id(), History.NONE);
            if (Ranking.ranks(r)) {
                entries.add(Ranking.Entry.of(run.programme(), r, h, sanctioned.contains(r.student().id()),
                        july.contains(r.student().id())));
                candidates.put(r.student().id(), Orientation.Candidate.of(run.programme(), r, h));
            }
        }
        List<Ranking.Row> rows = Ranking.rank(entries, run.profile());
        out.write(run.staging().resolve(RANKING), List.of("student_id", "mse", "r", "d", "s", "mc", "rank", "major"),
                rows.stream().map(row -> List.of(row.studentId(), out.mark(row.mse()), Integer.toString(row.r()),
                        Integer.toString(row.d()), Integer.toString(row.s()), out.mark(row.mc()),
                        Integer.toString(row.rank()), row.major() ? "yes" : "no")).toList());
        if (run.programme().specialities().isEmpty()) {
            return;
        }
        Map<String, List<String>> wishes = new HashMap<>();
        jdbc.query("SELECT student_id, speciality FROM delib_wish WHERE run_id = ? ORDER BY student_id, rank",
                rs -> {
                    wishes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, run.runId());
        List<Orientation.Candidate> inRankingOrder = rows.stream().map(row -> candidates.get(row.studentId())).toList();
        List<Orientation.Placement> placements = Orientation.place(run.programme().specialities(), inRankingOrder, wishes);
        out.write(run.staging().resolve(ORIENTATION), List.of("student_id", "speciality", "wish_rank", "reason"),
                placements.stream().map(p -> List.of(p.studentId(), p.speciality(),
                        p.placed() ? Integer.toString(p.wishRank()) : "", p.reason() == null ? "" : p.reason()))
                        .toList());
    }

    /** The files this step writes in a session. */
    public static List<String> outputs(int session) {
        return session == 1 ? List.of() : List.of(RANKING, ORIENTATION);
    }
}
