package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.delib.DelibApplication;
import org.delib.cli.JobDefinition;
import org.delib.cli.JobRunner;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The demo cohort's session 1 on a database: a clean run publishes the expected files, and a run that fails in
 * the middle of a step is resumed by restart to the same bytes. Subclasses choose the database.
 */
// Chunks of 1,000 rows, so that a failure can land in the middle of the demo's 4,600 marks.
@SpringBootTest(classes = DelibApplication.class, properties = "delib.import-chunk=1000")
@Import(RestartTestBase.Faults.class)
abstract class RestartTestBase {

    @TestConfiguration
    static class Faults {
        @Bean
        FaultyJdbc jdbcTemplate(DataSource dataSource) {
            return new FaultyJdbc(dataSource);
        }
    }

    @Autowired
    JobRunner runner;

    @Autowired
    FaultyJdbc jdbc;

    @Autowired
    JobRepository jobs;

    @TempDir
    Path output;

    JobHarness harness;

    @BeforeEach
    void setUp() {
        harness = new JobHarness(runner);
    }

    @Test
    void cleanRunPublishesTheExpectedFiles() throws Exception {
        JobDefinition job = JobHarness.job(JobHarness.DEMO, output, 1);
        // A row another run staged (say, one under way on the same database) must survive this run's cleanup.
        jdbc.update("INSERT INTO delib_wish (run_id, line, student_id, rank, speciality) VALUES (-1, 2, 'X', 1, 'Y')");
        JobRunner.Outcome outcome = harness.run("clean", job);
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.lines())).isZero();
        // The run's staged inputs are dropped once it is published: emptied where they were alone, else deleted.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delib_mark", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT run_id FROM delib_wish", Long.class)).containsExactly(-1L);
        jdbc.update("DELETE FROM delib_wish WHERE run_id = -1");
        JobHarness.assertSameFiles(JobHarness.EXPECTED_DEMO_SESSION_1, JobHarness.sessionDir(output, 1));
        assertThat(outcome.lines()).anyMatch(l -> l.contains("marks.csv: 4600 rows read = 4600 accepted + 0 rejected"));

        JobRunner.Outcome again = harness.run("clean", job);
        assertThat(again.exitCode()).isZero();
        assertThat(again.lines()).singleElement().asString().startsWith("Already complete").contains("session-1");
    }

    @Test
    void restartAfterAFailureWhileImportingMarks() throws Exception {
        // 4600 rows in chunks of 1000: two chunks committed, the third fails; the restart reads the last 2600.
        failAndRestart("import-marks", "INSERT INTO delib_mark", 3, 2600L);
    }

    @Test
    void restartAfterAFailureWhileDeliberating() throws Exception {
        // 300 students in 8 partitions of 37 or 38, each one chunk: the second partition to write fails, the others
        // complete; the restart deliberates that partition's students only.
        failAndRestart("deliberate", "INSERT INTO delib_decision", 2, 37L, 38L);
        JobInstance run = jobs.getJobInstance(DeliberationJobConfig.JOB_NAME,
                JobHarness.parameters("deliberate", JobHarness.job(JobHarness.DEMO, output, 1)));
        JobExecution restart = jobs.getLastJobExecution(run);
        assertThat(restart.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("deliberate-part:"))
                .singleElement().satisfies(s -> assertThat(s.getReadCount()).isIn(37L, 38L));
    }

    /** {@code readOnRestart}: what the restarted step may have read, one of them. */
    private void failAndRestart(String name, String statement, int nthBatch, Long... readOnRestart)
            throws Exception {
        JobDefinition job = JobHarness.job(JobHarness.DEMO, output, 1);
        jdbc.failOnce(statement, nthBatch);
        JobRunner.Outcome failed = harness.run(name, job);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.lines()).anyMatch(l -> l.startsWith("FAILED") && l.contains("at " + name)
                && l.contains("injected failure") && l.contains("resume it with"));
        // Nothing half-written is visible: outputs are published only at the end.
        assertThat(Files.exists(JobHarness.sessionDir(output, 1))).isFalse();

        JobRunner.Outcome resumed = harness.restart(name, job);
        assertThat(resumed.exitCode()).as(String.join("\n", resumed.lines())).isZero();
        assertThat(resumed.lines().get(0)).startsWith("Restarting run");
        JobHarness.assertSameFiles(JobHarness.EXPECTED_DEMO_SESSION_1, JobHarness.sessionDir(output, 1));
        assertThat(JobHarness.names(JobHarness.sessionDir(output, 1).getParent())).containsExactly("session-1");
        // It resumed from the last committed chunk, not from the beginning.
        JobInstance run = jobs.getJobInstance(DeliberationJobConfig.JOB_NAME, JobHarness.parameters(name, job));
        assertThat(jobs.getLastStepExecution(run, name).getReadCount()).isIn((Object[]) readOnRestart);
        assertThat(jobs.getJobExecutions(run)).hasSize(2);
    }
}
