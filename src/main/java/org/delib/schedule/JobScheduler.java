package org.delib.schedule;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.delib.cli.Fingerprint;
import org.delib.cli.JobDefinition;
import org.delib.cli.JobLock;
import org.delib.cli.JobRunner;
import org.delib.deliberation.DeliberationJobConfig;
import org.delib.deliberation.RunContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The overnight mode: every job definition of a folder runs on its {@code schedule} (cron), never twice at once,
 * and not at all when its inputs are unchanged since its last completed run. On shutdown (SIGTERM) running jobs
 * are stopped at their next chunk boundary, so that {@code restart} resumes them.
 */
@Component
public class JobScheduler {

    private static final Log LOG = LogFactory.getLog(JobScheduler.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** What a trigger did. */
    public enum Outcome { COMPLETED, FAILED, SKIPPED_UNCHANGED, REFUSED_RUNNING }

    private final JobRunner runner;
    private final JobRepository jobs;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private ThreadPoolTaskScheduler scheduler;
    private Path dataDir;

    public JobScheduler(JobRunner runner, JobRepository jobs) {
        this.runner = runner;
        this.jobs = jobs;
    }

    /** Schedules every job definition of {@code jobsDir} that has a schedule; returns their names. */
    public synchronized List<String> start(Path jobsDir, Path dataDir) {
        this.dataDir = dataDir;
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(4);
        scheduler.setThreadNamePrefix("delib-schedule-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds((int) STOP_TIMEOUT.toSeconds());
        scheduler.initialize();
        List<String> scheduled = new ArrayList<>();
        for (Path file : definitions(jobsDir)) {
            JobDefinition job = JobDefinition.load(file);
            if (job.schedule() != null && !job.schedule().isBlank()) {
                scheduler.schedule(() -> trigger(file), new CronTrigger(job.schedule()));
                scheduled.add(JobDefinition.nameOf(file) + " (" + job.schedule() + ")");
            }
        }
        return scheduled;
    }

    private static List<Path> definitions(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Runs one job now, unless it is running already or its inputs have not changed since it completed. */
    public Outcome trigger(Path file) {
        String name = JobDefinition.nameOf(file);
        try {
            JobDefinition job = JobDefinition.load(file).with(null, null, null);
            JobParameters params = JobRunner.parameters(name, job, Fingerprint.of(job));
            JobExecution last = jobs.getLastJobExecution(DeliberationJobConfig.JOB_NAME, params);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                LOG.info(name + ": inputs unchanged since run #" + last.getJobInstanceId() + "; not run again");
                return Outcome.SKIPPED_UNCHANGED;
            }
            JobRunner.Outcome outcome = exclusively(name, file, hint -> runner.run(name, hint, params));
            if (outcome == null) {
                return Outcome.REFUSED_RUNNING;
            }
            return outcome.exitCode() == 0 ? Outcome.COMPLETED : Outcome.FAILED;
        } catch (Exception e) {
            LOG.error(name + ": " + e.getMessage(), e);
            return Outcome.FAILED;
        }
    }

    /**
     * Resumes the last failed or stopped run of a job now (the console's Restart), on the same terms as a trigger:
     * never beside a running execution of the job, in this process or another.
     */
    public JobRunner.Outcome restart(Path file) {
        String name = JobDefinition.nameOf(file);
        try {
            JobDefinition job = JobDefinition.load(file).with(null, null, null);
            JobRunner.Outcome outcome = exclusively(name, file, hint -> runner.restart(name, hint, Fingerprint.of(job)));
            return outcome != null ? outcome
                    : new JobRunner.Outcome(1, List.of(name + " is running, here or in another process; this restart is refused"));
        } catch (Exception e) {
            LOG.error(name + ": " + e.getMessage(), e);
            return new JobRunner.Outcome(1, List.of(String.valueOf(e.getMessage())));
        }
    }

    /** What a trigger or a restart does once it holds the job, given the command that would resume it. */
    private interface Launch {
        JobRunner.Outcome with(String restartHint) throws Exception;
    }

    /**
     * Runs {@code launch} with the job held, logging what it says; null, without running it, when the job is
     * running already, in this process or another.
     */
    private JobRunner.Outcome exclusively(String name, Path file, Launch launch) throws Exception {
        if (!running.add(name)) {
            LOG.warn(name + ": already running; refused");
            return null;
        }
        try (JobLock lock = JobLock.tryAcquire(dataDir, name)) {
            if (lock == null) {
                LOG.warn(name + ": running in another process; refused");
                return null;
            }
            JobRunner.Outcome outcome = launch.with("java -jar target/delib.jar restart " + file);
            outcome.lines().forEach(l -> LOG.info(name + ": " + l));
            return outcome;
        } finally {
            running.remove(name);
        }
    }

    /**
     * Asks a running execution to stop: only the job's execution is marked STOPPING; each of its running steps
     * reads it at its next commit and stops there, the sole writer of its own execution, resumable with
     * {@code restart}. Not {@code JobOperator.stop}, which also writes the running step's execution from the calling
     * thread, racing the step's own writes (the loser's step ends UNKNOWN, not restartable: spring-batch #5308), and
     * ends the step's scope from there.
     */
    public void stop(JobExecution execution) {
        if (!execution.isRunning()) {
            throw new IllegalStateException("execution " + execution.getId() + " is not running");
        }
        execution.setStatus(BatchStatus.STOPPING);
        jobs.update(execution);
    }

    /** SIGTERM: no new trigger; running jobs stop at their next commit, resumable with {@code restart}. */
    @PreDestroy
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.getScheduledExecutor().shutdown(); // no new trigger
        for (JobExecution e : jobs.findRunningJobExecutions(DeliberationJobConfig.JOB_NAME)) {
            if (running.contains(e.getJobParameters().getString(RunContext.JOB))) {
                try {
                    LOG.info("stopping run #" + e.getJobInstanceId() + " (" + e.getJobParameters().getString(RunContext.JOB) + ")");
                    stop(e);
                } catch (Exception ex) {
                    LOG.warn("cannot stop run #" + e.getJobInstanceId() + ": " + ex.getMessage());
                }
            }
        }
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        while (!running.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        scheduler.shutdown();
        scheduler = null;
    }
}
