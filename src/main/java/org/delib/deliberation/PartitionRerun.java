package org.delib.deliberation;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Before the deliberate step's partitions run, removes the results each partition about to run again wrote beyond
 * its saved position: rows of a chunk committed before the position was saved (a stop or a kill in between), or
 * all of its range when none was saved (Spring Batch 6.0.6 can store a restarted step before its context). Done
 * here, one partition after the other before any runs, rather than by each partition as it starts: on H2, a
 * partition removing rows while another inserts made H2 report "Row not found in primary index" (found by the
 * kill tests), which kept H2 to one partition at a time.
 */
public class PartitionRerun implements StepExecutionListener {

    private final JdbcTemplate jdbc;
    private final JobRepository jobs;
    private final long runId;

    public PartitionRerun(JdbcTemplate jdbc, JobRepository jobs, long runId) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.runId = runId;
    }

    @Override
    public void beforeStep(StepExecution manager) {
        JobInstance instance = manager.getJobExecution().getJobInstance();
        for (int k = 0; k < DeliberationJobConfig.PARTITIONS; k++) {
            StepExecution last = jobs.getLastStepExecution(instance, StudentRanges.stepName(k));
            if (last == null || last.getStatus() == BatchStatus.COMPLETED) {
                continue; // never started, so nothing written; or done, and not run again
            }
            ExecutionContext range = StudentRanges.rangeOf(last, jdbc, runId);
            String from = last.getExecutionContext().getString(StudentRecordReader.LAST,
                    range.getString(StudentRanges.AFTER));
            String upTo = range.getString(StudentRanges.UP_TO);
            for (String table : new String[] {"delib_result", "delib_decision"}) {
                jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND student_id > ? AND student_id <= ?",
                        runId, from, upTo);
            }
        }
    }
}
