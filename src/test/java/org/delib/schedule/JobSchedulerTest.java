package org.delib.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.delib.DelibApplication;
import org.delib.cli.JobRunner;
import org.delib.deliberation.DeliberationJobConfig;
import org.delib.deliberation.JobHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.StringUtils;

/** The overnight mode: cron triggers, one execution per job at a time, unchanged inputs skipped, clean stop. */
@SpringBootTest(classes = DelibApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:schedule;DB_CLOSE_DELAY=-1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class JobSchedulerTest {

    @Autowired
    JobScheduler scheduler;

    @Autowired
    JobRepository jobs;

    @Autowired
    JobRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConfigurableListableBeanFactory beans;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    private Path jobFile(String name, String schedule) throws Exception {
        Path jobsDir = Files.createDirectories(dir.resolve("jobs"));
        Path file = jobsDir.resolve(name + ".yml");
        Files.writeString(file, "programme: LIC-INFO\nacademic_year: 2025-2026\nsession: 1\ninput: "
                + JobHarness.DEMO.toAbsolutePath() + "\noutput: " + dir.resolve("out") + "\nschedule: \"" + schedule + "\"\n");
        return file;
    }

    private int runsOf(String job) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM delib_run WHERE job = ?", Integer.class, job);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", timeout).isBefore(deadline);
            Thread.sleep(10);
        }
    }

    private boolean running() {
        return !jobs.findRunningJobExecutions(DeliberationJobConfig.JOB_NAME).isEmpty();
    }

    @Test
    void aCronEverySecondRunsTheJobOnceWhileItsInputsAreUnchanged() throws Exception {
        jobFile("nightly", "* * * * * *");
        assertThat(scheduler.start(dir.resolve("jobs"), dir.resolve("data"))).containsExactly("nightly (* * * * * *)");
        await(() -> runsOf("nightly") == 1, Duration.ofSeconds(60));
        Thread.sleep(2500); // two more triggers: both find the inputs unchanged
        assertThat(runsOf("nightly")).isEqualTo(1);
        JobHarness.assertSameFiles(JobHarness.EXPECTED_DEMO_SESSION_1, JobHarness.sessionDir(dir.resolve("out"), 1));
    }

    @Test
    void aSecondTriggerWhileTheJobRunsIsRefusedAndAnUnchangedInputIsSkipped() throws Exception {
        Path file = jobFile("manual", "");
        scheduler.start(dir.resolve("jobs"), dir.resolve("data"));
        CompletableFuture<JobScheduler.Outcome> first = CompletableFuture.supplyAsync(() -> scheduler.trigger(file));
        await(this::running, Duration.ofSeconds(30));
        assertThat(scheduler.trigger(file)).isEqualTo(JobScheduler.Outcome.REFUSED_RUNNING);
        assertThat(first.get(120, TimeUnit.SECONDS)).isEqualTo(JobScheduler.Outcome.COMPLETED);
        assertThat(scheduler.trigger(file)).isEqualTo(JobScheduler.Outcome.SKIPPED_UNCHANGED);
        assertThat(runsOf("manual")).isEqualTo(1);
    }

    /**
     * Spring Batch 6's JobOperator.stop ends the scope of the running step from the stopping thread: the step's
     * readers and writers must not be closed by that (the step, reading, would find them closed), only by their step.
     */
    @Test
    void aStopFromAnotherThreadLeavesTheRunningStepsReadersAndWritersOpen() {
        for (String stream : List.of("importItems", "students", "resultWriters")) {
            AbstractBeanDefinition bean = (AbstractBeanDefinition) beans.getBeanDefinition("scopedTarget." + stream);
            assertThat(bean.getScope()).isEqualTo("step");
            String[] destroy = bean.getDestroyMethodNames();
            assertThat(destroy == null ? List.of() : List.of(destroy)).as(stream).noneMatch(StringUtils::hasText);
        }
    }

    @Test
    void stoppingTheSchedulerStopsTheRunningJobAndRestartResumesIt() throws Exception {
        Path file = jobFile("stopped", "");
        scheduler.start(dir.resolve("jobs"), dir.resolve("data"));
        CompletableFuture<JobScheduler.Outcome> run = CompletableFuture.supplyAsync(() -> scheduler.trigger(file));
        await(this::running, Duration.ofSeconds(30));
        scheduler.stop(); // what SIGTERM does, through the context's shutdown
        assertThat(run.get(120, TimeUnit.SECONDS)).isEqualTo(JobScheduler.Outcome.FAILED); // stopped at a chunk boundary
        assertThat(Files.exists(JobHarness.sessionDir(dir.resolve("out"), 1))).isFalse();
        JobRunner.Outcome resumed = new JobHarness(runner).restart("stopped",
                JobHarness.job(JobHarness.DEMO.toAbsolutePath(), dir.resolve("out"), 1));
        assertThat(resumed.exitCode()).as(String.join("\n", resumed.lines())).isZero();
        JobHarness.assertSameFiles(JobHarness.EXPECTED_DEMO_SESSION_1, JobHarness.sessionDir(dir.resolve("out"), 1));
    }
}
