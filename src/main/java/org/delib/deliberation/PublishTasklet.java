package org.delib.deliberation;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.delib.importing.InputFile;
import org.delib.importing.TableItemReader;
import org.delib.ranking.RankingTasklet;
import org.delib.reports.Correctif;
import org.delib.reports.CsvOutput;
import org.delib.reports.Publisher;
import org.delib.reports.RejectsReport;
import org.delib.reports.StudentReports;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes the run: writes rejects.csv, checks that every input row is accounted for (read = accepted +
 * rejected), renames the staged outputs into place and records the run. Safe to run again after a crash. The
 * staged inputs are dropped by the next step, once this one committed.
 */
public class PublishTasklet implements Tasklet {

    /** Job execution context key of the run summary, one line per input file. */
    public static final String SUMMARY = "delib.summary";
    private static final Log LOG = LogFactory.getLog(PublishTasklet.class);

    private final RunContext run;
    private final JdbcTemplate jdbc;
    private final JobRepository jobs;
    private final JobExecution execution;

    public PublishTasklet(RunContext run, JdbcTemplate jdbc, JobRepository jobs, JobExecution execution) {
        this.run = run;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.execution = execution;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        CsvOutput out = run.csv();
        RejectsReport.write(jdbc, run.runId(), out, run.staging());
        List<String> summary = summary();
        summary.forEach(LOG::info);
        execution.getExecutionContext().putString(SUMMARY, String.join("\n", summary));
        List<String> names = new ArrayList<>(List.of(StudentReports.DECISIONS, StudentReports.RESULTS,
                StudentReports.MISSING, StudentReports.JURY_CANDIDATES, StudentReports.SUPPORT, RejectsReport.NAME));
        if (run.session() == 1) {
            names.add(StudentReports.RATTRAPAGE);
        }
        if (run.isCorrectif()) {
            long previous = Correctif.previousRun(jdbc, run.jobName(), run.programme().code(), run.academicYear(),
                    run.runId());
            // Idempotent: a publication redone after a crash filters files already filtered.
            Correctif.apply(jdbc, previous, run.runId(), out, run.staging(),
                    List.of(StudentReports.DECISIONS, StudentReports.RESULTS, StudentReports.JURY_CANDIDATES,
                            StudentReports.MISSING));
            names.add(Correctif.CHANGES);
        }
        names.addAll(RankingTasklet.outputs(run.session()));
        List<String> levels = DocumentsTasklet.levels(jdbc, run);
        names.addAll(DocumentsTasklet.names(levels));
        names.forEach(n -> Publisher.publish(run.staging(), run.outputDir(), n));
        DocumentsTasklet.folders(levels).forEach(f -> Publisher.publishFolder(run.staging(), run.outputDir(), f));
        Publisher.clean(run.staging());
        jdbc.update("DELETE FROM delib_run WHERE run_id = ?", run.runId()); // a publication redone after a crash
        jdbc.update("INSERT INTO delib_run (run_id, job, programme, academic_year, session, published_at) "
                + "VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", run.runId(), run.jobName(), run.programme().code(),
                run.academicYear(), run.session());
        return RepeatStatus.FINISHED;
    }

    /** Per input file: rows read, accepted and rejected; a mismatch would mean a lost row, and fails the run. */
    private List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (InputFile f : InputFile.values()) {
            if (run.inputs().get(f) == null) {
                continue;
            }
            StepExecution step = jobs.getLastStepExecution(execution.getJobInstance(), ImportItems.stepName(f));
            ExecutionContext ctx = step.getExecutionContext();
            String key = TableItemReader.rowsKey(f);
            long read = ctx.containsKey(key) ? ((Number) ctx.get(key)).longValue() : 0;
            long accepted = count("SELECT " + f.stagedRows() + " FROM " + f.table() + " WHERE run_id = ?");
            long rejected = count("SELECT COUNT(*) FROM delib_reject WHERE run_id = ? AND file_seq = " + f.ordinal());
            if (read != accepted + rejected) {
                throw new IllegalStateException(f.baseName() + ": " + read + " rows read but " + accepted
                        + " accepted and " + rejected + " rejected");
            }
            lines.add(String.format("%s: %d rows read = %d accepted + %d rejected",
                    run.inputs().get(f).getFileName(), read, accepted, rejected));
        }
        return lines;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class, run.runId());
        return n == null ? 0 : n;
    }
}
