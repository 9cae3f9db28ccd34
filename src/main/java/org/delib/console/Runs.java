package org.delib.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.delib.cli.JobDefinition;
import org.delib.cli.JobRunner;
import org.delib.deliberation.DeliberationJobConfig;
import org.delib.deliberation.PublishTasklet;
import org.delib.deliberation.RunContext;
import org.delib.importing.InputFile;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the console shows of the runs: read from the job repository and the published output folders only. */
@Component
@ConditionalOnWebApplication
public class Runs {

    /**
     * The published outputs the console serves, in the order it lists them: these names, and the PV of each level
     * ({@code pv.xlsx}, {@code pv-L2.pdf}, …). Nothing else, and
     * only from the run's own output folder.
     */
    public static final List<String> PUBLISHED = List.of("decisions.csv", "results.csv", "rattrapage.csv",
            "jury-candidates.csv", "missing.csv", "rejects.csv", "changes.csv", "classement.csv", "orientation.csv",
            "accompagnement.csv", "pv.xlsx", "pv.pdf");
    private static final java.util.regex.Pattern PER_LEVEL =
            java.util.regex.Pattern.compile("(pv|releves)-[A-Za-z0-9]{1,16}\\.(xlsx|pdf)");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String IMPORT_PREFIX = "import-";
    private static final int SHOWN = 200;

    private final JobRepository jobs;
    private final JobRunner runner;
    private final JdbcTemplate jdbc;
    private final List<String> stepNames;
    private final Map<String, Long> rowEstimates = new ConcurrentHashMap<>();

    public Runs(JobRepository jobs, JobRunner runner, JdbcTemplate jdbc, Job deliberationJob) {
        this.runner = runner;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.stepNames = deliberationJob instanceof org.springframework.batch.core.job.SimpleJob j ? List.copyOf(j.getStepNames()) : List.of();
    }

    /** One execution in a list. */
    public record ExecutionRow(long id, long run, String job, String what, String status, String start, String end,
                               String duration, boolean running, boolean stoppable, boolean restartable) {}

    /** One step of an execution, with its progress when it can be told. */
    public record StepRow(String name, String status, Integer percent, long read, long written, long skipped,
                          long filtered, long commits, long rollbacks, String duration, String problem,
                          Long fromExecution) {

        public String barClass() {
            return switch (status) {
                case "COMPLETED" -> "bar done";
                case "FAILED" -> "bar failed";
                case "STOPPED", "STOPPING", "ABANDONED" -> "bar stopped";
                case "PENDING" -> "bar pending";
                default -> percent == null ? "bar running indeterminate" : "bar running";
            };
        }

        public int width() {
            return percent == null ? 100 : percent;
        }
    }

    /** An execution in full: its steps, reason, summary, rejects and published files. */
    public record Detail(ExecutionRow execution, List<StepRow> steps, int stepsDone, String reason,
                         String summary, Long rejects, String outputDir, List<String> files) {

        public int percent() {
            return steps.isEmpty() ? 0 : stepsDone * 100 / steps.size();
        }

        public boolean hasFile(String name) {
            return files.contains(name);
        }
    }

    /** Every execution of the deliberation job (of one job definition when {@code name} is not null), newest first. */
    public List<JobExecution> executions(String name) {
        return runner.executions(name);
    }

    /** The newest execution of each job, by job name. */
    public Map<String, JobExecution> lastByJob() {
        Map<String, JobExecution> last = new LinkedHashMap<>();
        for (JobExecution e : executions(null)) {
            last.putIfAbsent(jobOf(e), e);
        }
        return last;
    }

    public Optional<JobExecution> execution(long id) {
        JobExecution e;
        try {
            e = jobs.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException ex) {
            return Optional.empty(); // no such execution
        }
        return e == null || !DeliberationJobConfig.JOB_NAME.equals(e.getJobInstance().getJobName())
                ? Optional.empty() : Optional.of(e);
    }

    public static String jobOf(JobExecution e) {
        return e.getJobParameters().getString(RunContext.JOB);
    }

    /** The newest executions, for the main page. */
    public List<ExecutionRow> rows() {
        List<JobExecution> all = executions(null);
        Map<String, Long> newest = new LinkedHashMap<>();
        all.forEach(e -> newest.putIfAbsent(jobOf(e), e.getId()));
        return all.stream().limit(SHOWN).map(e -> row(e, newest.get(jobOf(e)) == e.getId())).toList();
    }

    ExecutionRow row(JobExecution e, boolean newestOfItsJob) {
        var p = e.getJobParameters();
        BatchStatus s = e.getStatus();
        return new ExecutionRow(e.getId(), e.getJobInstanceId(), jobOf(e),
                p.getString(RunContext.PROGRAMME) + " " + p.getString(RunContext.ACADEMIC_YEAR) + " session "
                        + p.getLong(RunContext.SESSION),
                s.toString(), time(e.getStartTime()), time(e.getEndTime()), duration(e.getStartTime(), e.getEndTime()),
                e.isRunning(), s == BatchStatus.STARTED || s == BatchStatus.STARTING,
                newestOfItsJob && (s == BatchStatus.FAILED || s == BatchStatus.STOPPED));
    }

    public Detail detail(JobExecution e) {
        boolean newest = executions(jobOf(e)).stream().findFirst().map(x -> x.getId() == e.getId()).orElse(false);
        List<StepRow> steps = steps(e);
        Path out = outputDir(e);
        List<String> files = publishedNames(e);
        String summary = e.getExecutionContext().containsKey(PublishTasklet.SUMMARY)
                ? e.getExecutionContext().getString(PublishTasklet.SUMMARY) : "";
        return new Detail(row(e, newest), steps, (int) steps.stream().filter(s -> s.status().equals("COMPLETED")).count(),
                reason(e), summary.isBlank() ? null : summary, rejects(e, out), out == null ? null : out.toString(), files);
    }

    /** Each step of the job in order: this execution's, else the one an earlier execution of the run completed. */
    private List<StepRow> steps(JobExecution e) {
        Map<String, StepExecution> latest = new LinkedHashMap<>();
        List<JobExecution> runExecutions = new ArrayList<>(jobs.getJobExecutions(e.getJobInstance()));
        runExecutions.sort(Comparator.comparing(JobExecution::getId));
        for (JobExecution x : runExecutions) {
            if (x.getId() <= e.getId()) {
                x.getStepExecutions().forEach(s -> latest.put(s.getStepName(), s));
            }
        }
        List<String> names = new ArrayList<>(stepNames);
        // The partitions of a partitioned step, by name (they are created together, in no particular order).
        latest.keySet().stream().filter(n -> !names.contains(n)).sorted().forEach(names::add);
        List<StepRow> rows = new ArrayList<>();
        for (String name : names) {
            StepExecution s = latest.get(name);
            if (s == null) {
                rows.add(new StepRow(name, "PENDING", 0, 0, 0, 0, 0, 0, 0, "", null, null));
                continue;
            }
            String status = s.getStatus().toString();
            Integer percent = s.getStatus() == BatchStatus.COMPLETED ? Integer.valueOf(100) : progress(e, s);
            String problem = s.getStatus() == BatchStatus.FAILED ? cause(s.getExitStatus().getExitDescription()) : null;
            rows.add(new StepRow(name, status, percent, s.getReadCount(), s.getWriteCount(), s.getSkipCount(),
                    s.getFilterCount(), s.getCommitCount(), s.getRollbackCount(),
                    duration(s.getStartTime(), s.getEndTime()), problem,
                    s.getJobExecutionId() == e.getId() ? null : s.getJobExecutionId()));
        }
        return rows;
    }

    /** Rows read out of the rows expected, when they can be told: a CSV's lines, the students to deliberate. */
    private Integer progress(JobExecution e, StepExecution s) {
        Long total = null;
        if (s.getStepName().startsWith(IMPORT_PREFIX)) {
            total = csvRows(e, s.getStepName().substring(IMPORT_PREFIX.length()));
        } else if (s.getStepName().equals("deliberate")) {
            total = count("SELECT COUNT(*) FROM " + InputFile.STUDENTS.table() + " WHERE run_id = ?", e.getJobInstanceId());
        }
        if (total == null || total <= 0) {
            return null;
        }
        return (int) Math.min(99, s.getReadCount() * 100 / total);
    }

    private Long csvRows(JobExecution e, String baseName) {
        String input = e.getJobParameters().getString(RunContext.INPUT);
        if (input == null) {
            return null;
        }
        Path csv = Path.of(input).resolve(baseName + ".csv");
        try {
            if (!Files.isRegularFile(csv)) {
                return null; // an .xlsx, or absent: the bar shows activity only
            }
            String key = csv + ":" + Files.size(csv) + ":" + Files.getLastModifiedTime(csv).toMillis();
            return rowEstimates.computeIfAbsent(key, k -> lines(csv) - 1);
        } catch (IOException ex) {
            return null;
        }
    }

    private static long lines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long n = 0;
            byte[] buf = new byte[65536];
            for (int r; (r = in.read(buf)) > 0; ) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
            return n;
        } catch (IOException ex) {
            return 0;
        }
    }

    /** Rejected rows: counted in the database while the run is not published, in rejects.csv once it is. */
    private Long rejects(JobExecution e, Path out) {
        if (e.getStatus() == BatchStatus.COMPLETED && out != null) {
            Path file = out.resolve("rejects.csv");
            return Files.isRegularFile(file) ? Math.max(0, lines(file) - 1) : null;
        }
        return count("SELECT COUNT(*) FROM delib_reject WHERE run_id = ?", e.getJobInstanceId());
    }

    private Long count(String sql, long runId) {
        try {
            return jdbc.queryForObject(sql, Long.class, runId);
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** What failed the execution, in one line: the failed step and the innermost cause of its failure. */
    static String reason(JobExecution e) {
        if (e.getStatus() != BatchStatus.FAILED) {
            return null;
        }
        String kept = e.getExecutionContext().containsKey(JobInstrumentation.FAILURE)
                ? e.getExecutionContext().getString(JobInstrumentation.FAILURE) : null;
        if (kept != null) {
            return e.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                    .map(s -> s.getStepName() + ": ").findFirst().orElse("") + kept;
        }
        return e.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                .map(s -> s.getStepName() + ": " + cause(s.getExitStatus().getExitDescription()))
                .findFirst()
                .orElse(cause(e.getExitStatus().getExitDescription()));
    }

    /** The message of the innermost "Caused by" of a stack trace, else its first line. */
    static String cause(String exitDescription) {
        String line = exitDescription.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                .map(l -> l.substring("Caused by: ".length()))
                .orElse(exitDescription.lines().findFirst().orElse(""));
        int colon = line.indexOf(": ");
        return colon > 0 && !line.substring(0, colon).contains(" ") ? line.substring(colon + 2) : line;
    }

    /** The run's output folder, once its first start chose it. */
    public static Path outputDir(JobExecution e) {
        return e.getExecutionContext().containsKey(RunContext.OUTPUT_DIR) ? RunContext.outputDir(e) : null;
    }

    /** A name the console may serve: one of {@link #PUBLISHED}, or a PV or transcripts file of a level. */
    public static boolean isPublishedName(String name) {
        return name != null && (PUBLISHED.contains(name) || PER_LEVEL.matcher(name).matches());
    }

    /** The published outputs present in the run's output folder, in the order of {@link #PUBLISHED}. */
    public static List<String> publishedNames(JobExecution e) {
        Path out = outputDir(e);
        if (out == null || !Files.isDirectory(out)) {
            return List.of();
        }
        try (var entries = Files.list(out)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> published(e, n).isPresent())
                    .sorted(Comparator.comparing((String n) -> PUBLISHED.contains(n) ? PUBLISHED.indexOf(n)
                            : PUBLISHED.size()).thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException ex) {
            return List.of();
        }
    }

    /**
     * A published output of the run: a name {@link #isPublishedName allowed}, a regular file directly in the run's
     * output folder, even once links are followed. Anything else — another name, a path, a link leading out — is
     * refused.
     */
    public static Optional<Path> published(JobExecution e, String name) {
        Path out = outputDir(e);
        if (out == null || !isPublishedName(name)) {
            return Optional.empty();
        }
        Path dir = out.toAbsolutePath().normalize();
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir) || !file.getParent().equals(dir) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Path real = file.toRealPath();
            return real.startsWith(dir.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    /** The job definitions of the folder with their last execution, for the main page. */
    public record JobRow(String name, String what, String schedule, String problem, String lastStatus,
                         Long lastExecution, boolean running) {}

    public List<JobRow> jobRows(JobFiles files) {
        Map<String, JobExecution> last = lastByJob();
        List<JobRow> rows = new ArrayList<>();
        for (Path f : files.all()) {
            String name = JobDefinition.nameOf(f);
            JobExecution e = last.get(name);
            String what = null;
            String schedule = null;
            String problem = null;
            try {
                JobDefinition d = JobDefinition.load(f).with(null, null, null);
                what = d.programme() + " " + d.academicYear() + " session " + d.session();
                schedule = d.schedule() == null || d.schedule().isBlank() ? "—" : d.schedule();
            } catch (RuntimeException ex) {
                problem = ex.getMessage();
            }
            rows.add(new JobRow(name, what, schedule, problem, e == null ? "never run" : e.getStatus().toString(),
                    e == null ? null : e.getId(), e != null && e.isRunning()));
        }
        return rows;
    }

    static String time(LocalDateTime t) {
        return t == null ? "" : TIME.format(t);
    }

    static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "";
        }
        long ms = Duration.between(start, end == null ? LocalDateTime.now() : end).toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
