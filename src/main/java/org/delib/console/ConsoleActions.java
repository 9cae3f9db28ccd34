package org.delib.console;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.delib.cli.JobDefinition;
import org.delib.cli.JobRunner;
import org.delib.schedule.JobScheduler;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * What the console's buttons do, off the request thread so that the page returns at once: Run now and Restart go
 * through the scheduler (one execution of a job at a time, in this process and across processes), Stop asks the
 * job to stop at its next commit. The outcome of each is kept, per job, for the page to show.
 */
@Component
@ConditionalOnWebApplication
public class ConsoleActions {

    private static final Log LOG = LogFactory.getLog(ConsoleActions.class);

    /** The last thing a button did for a job, and when. */
    public record Note(LocalDateTime at, String text, boolean pending) {
        public String time() {
            return Runs.time(at);
        }
    }

    private final JobScheduler scheduler;
    private final Map<String, Note> notes = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    public ConsoleActions(JobScheduler scheduler) {
        this.scheduler = scheduler;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "delib-console-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Map<String, Note> notes() {
        return notes;
    }

    public boolean busy() {
        return notes.values().stream().anyMatch(Note::pending);
    }

    /** Run now: the scheduler's trigger, as the job's cron would. */
    public void runNow(Path file, String user) {
        String name = JobDefinition.nameOf(file);
        LOG.info(name + ": run requested by " + user + " from the console");
        note(name, "run requested by " + user, true);
        executor.submit(() -> {
            JobScheduler.Outcome outcome = scheduler.trigger(file);
            note(name, switch (outcome) {
                case COMPLETED -> "run completed";
                case FAILED -> "run failed: see its execution";
                case SKIPPED_UNCHANGED -> "not run: its inputs are unchanged since its last completed run";
                case REFUSED_RUNNING -> "not run: the job is already running";
            }, false);
        });
    }

    /** Restart: resumes the job's last failed or stopped run, if its inputs are unchanged. */
    public void restart(Path file, String user) {
        String name = JobDefinition.nameOf(file);
        LOG.info(name + ": restart requested by " + user + " from the console");
        note(name, "restart requested by " + user, true);
        executor.submit(() -> {
            JobRunner.Outcome outcome = scheduler.restart(file);
            // The outcome's own lines; the indented ones (per-file counts, decisions) are on the execution's page.
            note(name, String.join(" ", outcome.lines().stream().filter(l -> !l.startsWith(" ")).toList()), false);
        });
    }

    /** Stop: the running execution stops at its next commit; Restart resumes it. */
    public boolean stop(JobExecution execution, String user) {
        String name = Runs.jobOf(execution);
        try {
            LOG.info(name + ": stop of execution " + execution.getId() + " requested by " + user + " from the console");
            scheduler.stop(execution);
            note(name, "stop requested by " + user + ": the run stops at its next commit", false);
            return true;
        } catch (Exception e) {
            note(name, "cannot stop execution " + execution.getId() + ": " + e.getMessage(), false);
            return false;
        }
    }

    private void note(String name, String text, boolean pending) {
        notes.put(name, new Note(LocalDateTime.now(), text, pending));
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
    }
}
