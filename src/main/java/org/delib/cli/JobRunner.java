package org.delib.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.delib.deliberation.DeliberationJobConfig;
import org.delib.deliberation.FailureReport;
import org.delib.deliberation.PublishTasklet;
import org.delib.deliberation.RunContext;
import org.delib.importing.InputException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Starts, resumes and lists deliberation runs, and says what happened in words an administrator can act on. */
@Component
public class JobRunner {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobOperator operator;
    private final JobRepository jobs;
    private final Job job;
    private final JdbcTemplate jdbc;

    public JobRunner(JobOperator operator, JobRepository jobs, Job deliberationJob, JdbcTemplate jdbc) {
        this.operator = operator;
        this.jobs = jobs;
        this.job = deliberationJob;
        this.jdbc = jdbc;
    }

    /** What a command prints, and its exit status. */
    public record Outcome(int exitCode, List<String> lines) {}

    /** The identity of a run: the job, what it deliberates, where, and the fingerprint of its inputs. */
    public static JobParameters parameters(String name, JobDefinition d, String fingerprint) {
        return new JobParametersBuilder()
                .addString(RunContext.JOB, name)
                .addString(RunContext.PROGRAMME, d.programme())
                .addString(RunContext.ACADEMIC_YEAR, d.academicYear())
                .addLong(RunContext.SESSION, (long) d.session())
                .addString(RunContext.INPUT, absolute(d.input()))
                .addString(RunContext.OUTPUT, absolute(d.output()))
                .addString(RunContext.FINGERPRINT, fingerprint)
                .addString(RunContext.RULES_FILE, d.rulesFile() == null ? "" : absolute(d.rulesFile()), false)
                .addString(RunContext.EXPORT, d.export() == null ? "" : d.export(), false)
                .addString(RunContext.INSTITUTION, d.institution() == null ? "" : d.institution(), false)
                .addString(RunContext.JURY_DATE, d.juryDate() == null ? "" : d.juryDate(), false)
                .toJobParameters();
    }

    static String absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    /** Runs a job; unchanged inputs find the completed run, and a failed run with the same inputs is resumed. */
    public Outcome run(String name, String restartHint, JobParameters params) throws Exception {
        JobExecution last = jobs.getLastJobExecution(DeliberationJobConfig.JOB_NAME, params);
        List<String> lines = new ArrayList<>();
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return new Outcome(0, List.of("Already complete: run #" + last.getJobInstanceId() + " deliberated these "
                    + "inputs on " + TIME.format(last.getEndTime()) + "; its outputs are in " + RunContext.outputDir(last) + "."));
        }
        if (last != null) {
            lines.add("Resuming run #" + last.getJobInstanceId() + " (" + last.getStatus() + "), same inputs.");
            recoverIfKilled(last);
        }
        return finish(operator.start(job, params), restartHint, lines);
    }

    /** Resumes the last failed or killed run of a job, if its inputs have not changed since. */
    public Outcome restart(String name, String restartHint, String fingerprint) throws Exception {
        JobExecution last = lastExecution(name);
        if (last == null) {
            return new Outcome(1, List.of("No run of " + name + " to restart: use run."));
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            return new Outcome(0, List.of("The last run of " + name + " (#" + last.getJobInstanceId()
                    + ") completed; nothing to restart. Its outputs are in " + RunContext.outputDir(last) + "."));
        }
        String before = last.getJobParameters().getString(RunContext.FINGERPRINT);
        if (!fingerprint.equals(before)) {
            return new Outcome(1, List.of("The inputs of " + name + " changed since run #" + last.getJobInstanceId()
                    + " failed (fingerprint " + before + ", now " + fingerprint + "): a restart would mix them. "
                    + "Start a new run with: " + restartHint.replace(" restart ", " run ")));
        }
        recoverIfKilled(last);
        List<String> lines = new ArrayList<>(List.of("Restarting run #" + last.getJobInstanceId() + " where it stopped."));
        return finish(operator.start(job, last.getJobParameters()), restartHint, lines);
    }

    /** A run left STARTED by a killed process (the caller holds the job's lock, so none is running it). */
    private void recoverIfKilled(JobExecution last) {
        if (last.isRunning()) {
            operator.recover(last);
        }
    }

    private Outcome finish(JobExecution execution, String restartHint, List<String> lines) {
        long run = execution.getJobInstanceId();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            lines.add("Completed run #" + run + " in " + seconds(execution) + ": outputs in " + RunContext.outputDir(execution));
            String summary = execution.getExecutionContext().getString(PublishTasklet.SUMMARY, "");
            summary.lines().forEach(l -> lines.add("  " + l));
            lines.add("  decisions: " + String.join(", ", jdbc.query("SELECT decision, COUNT(*) FROM delib_decision "
                    + "WHERE run_id = ? GROUP BY decision ORDER BY decision",
                    (rs, i) -> rs.getString(1) + " " + rs.getLong(2), run)));
            return new Outcome(0, lines);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            lines.add("Stopped run #" + run + " at " + execution.getStepExecutions().stream()
                    .filter(s -> s.getStatus() == BatchStatus.STOPPED).map(StepExecution::getStepName).findFirst()
                    .orElse("a step boundary") + "; resume it with: " + restartHint);
            return new Outcome(1, lines);
        }
        InputException input = FailureReport.inputFailure(execution);
        String step = execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                .map(StepExecution::getStepName).findFirst().orElse("?");
        if (input != null) {
            lines.add("FAILED run #" + run + " at " + step + ": " + input.getMessage()
                    + ". Correct the input and run the job again (rejects.csv lists every rejected row).");
        } else {
            lines.add("FAILED run #" + run + " at " + step + ": " + reason(execution)
                    + ". Once the cause is fixed, resume it with: " + restartHint);
        }
        return new Outcome(1, lines);
    }

    /**
     * One line: the innermost message of the first failure; a partition's rather than that of its partitioned step,
     * which only says "Partition handler returned an unsuccessful step".
     */
    static String reason(JobExecution execution) {
        Throwable t = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing((StepExecution s) -> !s.getStepName().contains(":")))
                .flatMap(s -> s.getFailureExceptions().stream()).findFirst()
                .orElse(execution.getAllFailureExceptions().stream().findFirst().orElse(null));
        if (t == null) {
            return execution.getExitStatus().getExitDescription().lines().findFirst().orElse(execution.getStatus().toString());
        }
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse("");
    }

    private JobExecution lastExecution(String name) {
        return executions(name).stream().findFirst().orElse(null);
    }

    /** The executions of a job (all jobs with null), newest first. */
    public List<JobExecution> executions(String name) {
        List<JobExecution> all = new ArrayList<>();
        for (JobInstance instance : jobs.getJobInstances(DeliberationJobConfig.JOB_NAME, 0, 10_000)) {
            for (JobExecution e : jobs.getJobExecutions(instance)) {
                if (name == null || name.equals(e.getJobParameters().getString(RunContext.JOB))) {
                    all.add(e);
                }
            }
        }
        all.sort(Comparator.comparing(JobExecution::getCreateTime).thenComparing(JobExecution::getId).reversed());
        return all;
    }

    /** Every execution of a job (or of all jobs), newest first, with each step's progress. */
    public List<String> status(String name) {
        List<String> lines = new ArrayList<>();
        for (JobExecution e : executions(name)) {
            JobParameters p = e.getJobParameters();
            lines.add(String.format("%s  run #%d  execution %d  %s  %s  session %d  started %s  %s",
                    p.getString(RunContext.JOB), e.getJobInstanceId(), e.getId(), e.getStatus(),
                    p.getString(RunContext.PROGRAMME) + " " + p.getString(RunContext.ACADEMIC_YEAR),
                    p.getLong(RunContext.SESSION), e.getStartTime() == null ? "-" : TIME.format(e.getStartTime()),
                    e.getEndTime() == null ? "" : "took " + seconds(e)));
            for (StepExecution s : inOrder(e.getStepExecutions())) {
                String step = s.getStepName();
                String shown = step.contains(":") ? "  " + step.substring(step.indexOf(':') + 1) : step;
                lines.add(String.format("    %-18s %-9s read %d, written %d, commits %d, rollbacks %d, %s%s",
                        shown, s.getStatus(), s.getReadCount(), s.getWriteCount(), s.getCommitCount(),
                        s.getRollbackCount(), s.getStartTime() == null ? "-" : seconds(s.getStartTime(), s.getEndTime()),
                        s.getStatus() == BatchStatus.FAILED
                                ? "  — " + s.getExitStatus().getExitDescription().lines().findFirst().orElse("") : ""));
            }
        }
        if (lines.isEmpty()) {
            lines.add(name == null ? "No runs yet." : "No runs of " + name + " yet.");
        }
        return lines;
    }

    /**
     * Steps in the order they ran, each partitioned step's partitions under it by name ("deliberate-part:partition0"
     * is listed as "partition0"): they are created together, in no particular order.
     */
    private static List<StepExecution> inOrder(Collection<StepExecution> steps) {
        Map<String, Long> firstOfGroup = new HashMap<>();
        steps.forEach(s -> firstOfGroup.merge(group(s), s.getId(), Math::min));
        List<StepExecution> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing((StepExecution s) -> firstOfGroup.get(group(s)))
                .thenComparing(StepExecution::getStepName));
        return ordered;
    }

    /** A partition's worker step name before its ':', or the step's own name. */
    private static String group(StepExecution s) {
        String name = s.getStepName();
        return name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    }

    private static String seconds(JobExecution e) {
        return seconds(e.getStartTime(), e.getEndTime());
    }

    /** A duration in seconds; one still going is counted to now. */
    private static String seconds(LocalDateTime start, LocalDateTime end) {
        return String.format(java.util.Locale.ROOT, "%.1f s",
                Duration.between(start, end == null ? LocalDateTime.now() : end).toMillis() / 1000.0);
    }
}
