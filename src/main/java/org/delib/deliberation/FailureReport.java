package org.delib.deliberation;

import java.nio.file.Path;
import org.delib.importing.InputException;
import org.delib.reports.CsvOutput;
import org.delib.reports.ExportProfile;
import org.delib.reports.Publisher;
import org.delib.reports.RejectsReport;
import org.delib.rules.RulesProfile;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RULES §12.18: a run failed by its input (too many rejects, a missing file or column, an inconsistent programme)
 * still publishes rejects.csv, so the registry sees every row it must correct.
 */
public class FailureReport implements JobExecutionListener {

    private final JdbcTemplate jdbc;

    public FailureReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run this thread is executing, for a message when the job repository itself fails under it. */
    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    public static Long currentRun() {
        return CURRENT.get();
    }

    @Override
    public void beforeJob(JobExecution execution) {
        CURRENT.set(execution.getJobInstanceId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED || inputFailure(execution) == null
                || !execution.getExecutionContext().containsKey(RunContext.OUTPUT_DIR)) {
            return;
        }
        Path outputDir = RunContext.outputDir(execution);
        Path staging = RunContext.stagingDir(outputDir, execution.getJobInstanceId());
        RejectsReport.write(jdbc, execution.getJobInstanceId(), dialect(execution), staging);
        Publisher.publish(staging, outputDir, RejectsReport.NAME);
    }

    /** The run's export profile, unless that is what failed: then the contract's own format. */
    private static CsvOutput dialect(JobExecution execution) {
        try {
            return new CsvOutput(RulesProfile.defaults(),
                    ExportProfile.load(execution.getJobParameters().getString(RunContext.EXPORT)));
        } catch (InputException e) {
            return new CsvOutput(RulesProfile.defaults(), ExportProfile.defaults());
        }
    }

    /** The user's mistake behind a failed run, if that is what failed it. */
    public static InputException inputFailure(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof InputException e) {
                    return e;
                }
            }
        }
        return null;
    }
}
