package org.delib.deliberation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.delib.ranking.RankingTasklet;
import org.delib.reports.Correctif;
import org.delib.reports.CsvOutput;
import org.delib.reports.StudentReports;
import org.delib.reports.pv.PvHeader;
import org.delib.reports.pv.PvWriter;
import org.delib.reports.pv.Rachat;
import org.delib.reports.pv.Transcripts;
import org.delib.rules.Student;
import org.delib.rules.StudentResult;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The documents people read: the PV (pv.xlsx, pv.pdf) and one transcript per student (releves/), built from the
 * results kept in the database, one page of students at a time. A workbook or a PDF cannot be appended to, so a
 * restart builds them again whole. After a recours, the corrective PV lists only the students whose results
 * changed. A run with several year levels gets one PV per level ({@code pv-L2.xlsx}, …).
 */
public class DocumentsTasklet implements Tasklet {

    private static final Log LOG = LogFactory.getLog("org.delib.progress");

    public static final String TRANSCRIPTS = "releves";

    private final RunContext run;
    private final JdbcTemplate jdbc;
    private final JobParameters parameters;

    public DocumentsTasklet(RunContext run, JdbcTemplate jdbc, JobParameters parameters) {
        this.run = run;
        this.jdbc = jdbc;
        this.parameters = parameters;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String institution = parameters.getString(RunContext.INSTITUTION, "");
        String juryDate = parameters.getString(RunContext.JURY_DATE, "");
        PvHeader header = new PvHeader(institution.isEmpty() ? run.programme().title() : institution,
                run.programme().code(), run.programme().title(), run.academicYear(), run.session(),
                juryDate.isEmpty() ? null : LocalDate.parse(juryDate), run.isCorrectif());
        Predicate<Student> shown = s -> true;
        if (run.isCorrectif()) {
            Set<String> changed = Correctif.changedStudents(jdbc, Correctif.previousRun(jdbc, run.jobName(),
                    run.programme().code(), run.academicYear(), run.runId()), run.runId());
            shown = s -> changed.contains(s.id());
        }
        Map<String, List<Rachat>> rachats = new HashMap<>();
        jdbc.query("SELECT student_id, element, reason FROM delib_jury WHERE run_id = ? ORDER BY student_id, element",
                rs -> {
                    rachats.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Rachat(rs.getString(2), rs.getString(3)));
                }, run.runId());
        List<String> levels = levels(jdbc, run);
        PvWriter pv = new PvWriter(run.profile());
        Transcripts transcripts = new Transcripts(run.profile());
        double[] drawnBefore = {0, 0};
        for (String level : levels) {
            Predicate<Student> filter = shown.and(s -> s.level().equals(level));
            StoredResults students = new StoredResults(jdbc, run.runId(), run.programme(), run.profile(), filter);
            String suffix = suffix(levels, level);
            Path dir = Files.createDirectories(run.staging().resolve(TRANSCRIPTS + suffix));
            Timings took = new Timings();
            int[] n = new int[1];
            // Each document in a thread of its own, the results read once for the three.
            new SharedReading<>(students).feed(List.of(
                    took.of(0, results -> pv.writeXlsx(run.staging().resolve("pv" + suffix + ".xlsx"), header,
                            run.programme(), level, results, rachats, extraSheets())),
                    took.of(1, results -> pv.writePdf(run.staging().resolve("pv" + suffix + ".pdf"), header,
                            run.programme(), level, results, rachats)),
                    took.of(2, results -> n[0] = transcripts.write(dir, header, run.programme(), results))));
            double[] drawing = {transcripts.drawingCpuSeconds(), transcripts.drawingUserSeconds()};
            LOG.info(String.format(Locale.ROOT, "documents %s: pv.xlsx %s, pv.pdf %s, %d transcripts %.1f s (%.0f/s; "
                    + "cpu %.1f s merging, %.1f s drawing, of which user %.1f s)", level, took.text(0), took.text(1),
                    n[0], took.wall[2], n[0] / Math.max(1e-9, took.wall[2]), took.cpu[2], drawing[0] - drawnBefore[0],
                    drawing[1] - drawnBefore[1]));
            drawnBefore = drawing;
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * When each document was done, and the processor time its thread took: the three share two cores, so the time
     * each took alone tells which one to make faster (the transcripts' thread merges; their workers draw).
     */
    private static final class Timings {
        private final long start = System.nanoTime();
        private final double[] wall = new double[3];
        private final double[] cpu = new double[3];

        SharedReading.Consumer<StudentResult> of(int i, SharedReading.Consumer<StudentResult> document) {
            return results -> {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long cpuStart = threads.getCurrentThreadCpuTime();
                document.consume(results);
                cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                wall[i] = (System.nanoTime() - start) / 1e9;
            };
        }

        String text(int i) {
            return String.format(Locale.ROOT, "%.1f s (cpu %.1f s)", wall[i], cpu[i]);
        }
    }

    /** The sheets after the PV, from the CSV outputs already written: they say the same, in the same order. */
    private List<PvWriter.ExtraSheet> extraSheets() {
        CsvOutput out = run.csv();
        List<PvWriter.ExtraSheet> sheets = new ArrayList<>();
        if (run.session() == 1) {
            sheets.add(new PvWriter.ExtraSheet("Convocations rattrapage",
                    List.of("Matricule", "Nom", "Prénom", "Matière", "Semestre"),
                    out.records(run.staging().resolve(StudentReports.RATTRAPAGE))));
        }
        sheets.add(PvWriter.juryCandidates(out.records(run.staging().resolve(StudentReports.JURY_CANDIDATES))));
        if (run.session() == 2) {
            sheets.add(new PvWriter.ExtraSheet("Classement",
                    List.of("Matricule", "MSE", "r", "d", "s", "MC", "Rang", "Major"),
                    out.records(run.staging().resolve(RankingTasklet.RANKING))));
            if (Files.exists(run.staging().resolve(RankingTasklet.ORIENTATION))) {
                sheets.add(new PvWriter.ExtraSheet("Orientation",
                        List.of("Matricule", "Spécialité", "Vœu", "Motif"),
                        out.records(run.staging().resolve(RankingTasklet.ORIENTATION))));
            }
        }
        return sheets;
    }

    /** The year levels the run deliberated. */
    static List<String> levels(JdbcTemplate jdbc, RunContext run) {
        return jdbc.queryForList("SELECT DISTINCT level FROM delib_decision WHERE run_id = ? ORDER BY level",
                String.class, run.runId());
    }

    /** How a level's documents are told apart: not at all when the run has one level. */
    private static String suffix(List<String> levels, String level) {
        return levels.size() == 1 ? "" : "-" + level;
    }

    /** The documents a run publishes, for the levels it deliberated. */
    static List<String> names(List<String> levels) {
        List<String> names = new ArrayList<>();
        for (String level : levels) {
            names.add("pv" + suffix(levels, level) + ".xlsx");
            names.add("pv" + suffix(levels, level) + ".pdf");
        }
        return names;
    }

    static List<String> folders(List<String> levels) {
        return levels.stream().map(l -> TRANSCRIPTS + suffix(levels, l)).toList();
    }
}
