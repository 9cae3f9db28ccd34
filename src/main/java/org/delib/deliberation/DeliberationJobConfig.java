package org.delib.deliberation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.delib.importing.CrossChecks;
import org.delib.importing.InputException;
import org.delib.importing.InputFile;
import org.delib.importing.InputRow;
import org.delib.importing.Rejects;
import org.delib.importing.RowChecks;
import org.delib.importing.Staged;
import org.delib.importing.StagedInputs;
import org.delib.importing.StagingWriter;
import org.delib.importing.TableItemReader;
import org.delib.ranking.RankingTasklet;
import org.delib.reports.StudentReports;
import org.delib.rules.Deliberation;
import org.delib.rules.StudentRecord;
import org.delib.rules.StudentResult;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The deliberation job: check the programme, import each input file, cross-check the rows, deliberate every
 * student, publish the outputs. Each step is a thin adapter: the rules are in {@code org.delib.rules}.
 */
@Configuration
public class DeliberationJobConfig {

    public static final String JOB_NAME = "deliberation";
    /**
     * Rows staged per transaction: fewer, larger commits stage a million marks about a quarter faster on H2
     * (commits are written through, WRITE_DELAY=0). A setting of the installation, not a rule; tests use less.
     */
    static final String IMPORT_CHUNK = "${delib.import-chunk:5000}";
    static final int STUDENT_CHUNK = 250;
    /**
     * The deliberate step's partitions: a fixed number, so that a run is cut the same way on any machine (see
     * {@link #partitionThreads} for how many run at once). More than the cores: the first ones run on code not
     * compiled yet and take twice as long as the later ones; with 4 on two cores, one core waited for the other
     * at the end of the step.
     */
    static final int PARTITIONS = 8;

    @Bean
    public Job deliberationJob(JobRepository jobs, PlatformTransactionManager tx, Tasklet checkProgramme,
                               ImportItems importItems, Tasklet crossChecks, Tasklet checkRejects,
                               StudentRecordReader students, ItemProcessor<StudentRecord, StudentResult> deliberate,
                               ItemWriter<StudentResult> resultWriters, Partitioner studentRanges,
                               Tasklet mergeParts, Tasklet ranking, Tasklet documents, Tasklet publish,
                               Tasklet dropStaged, ProgressLogger partitionProgress, FailureReport failureReport,
                               PartitionRerun partitionRerun, @Value(IMPORT_CHUNK) int importChunk) {
        var job = new JobBuilder(JOB_NAME, jobs)
                .listener(failureReport)
                .start(new StepBuilder("check-programme", jobs).tasklet(checkProgramme, tx).build());
        for (InputFile file : InputFile.values()) {
            job = job.next(new StepBuilder(ImportItems.stepName(file), jobs)
                    .<Staged, Staged>chunk(importChunk).transactionManager(tx)
                    .reader(importItems).writer(importItems)
                    .listener(new ProgressLogger())
                    .build());
        }
        return job
                .next(new StepBuilder("cross-checks", jobs).tasklet(crossChecks, tx).build())
                .next(new StepBuilder("check-rejects", jobs).tasklet(checkRejects, tx).build())
                .next(new StepBuilder("deliberate", jobs)
                        .partitioner(StudentRanges.WORKER, studentRanges)
                        .step(new StepBuilder(StudentRanges.WORKER, jobs)
                                .<StudentRecord, StudentResult>chunk(STUDENT_CHUNK).transactionManager(tx)
                                .reader(students).processor(deliberate).writer(resultWriters)
                                .listener(partitionProgress)
                                .build())
                        .gridSize(PARTITIONS)
                        .taskExecutor(partitionThreads())
                        .listener(partitionRerun)
                        .listener(new ProgressLogger())
                        .build())
                .next(new StepBuilder("merge-parts", jobs).tasklet(mergeParts, tx).build())
                // Deliberation refuses rows too (rachats on elements not AJ, marks without convocation).
                .next(new StepBuilder("check-all-rejects", jobs).tasklet(checkRejects, tx).build())
                .next(new StepBuilder("ranking", jobs).tasklet(ranking, tx).build())
                .next(new StepBuilder("documents", jobs).tasklet(documents, tx).build())
                .next(new StepBuilder("publish", jobs).tasklet(publish, tx).build())
                // Emptying a staging table on H2 commits at once: in a step of its own, after the publication.
                .next(new StepBuilder("drop-staged", jobs).tasklet(dropStaged, tx).build())
                .build();
    }

    /**
     * As many partitions at once as there are cores, on either database: what a restarted partition must remove
     * first is removed before any partition runs ({@link PartitionRerun}).
     */
    private static TaskExecutor partitionThreads() {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("deliberate-");
        threads.setConcurrencyLimit(Math.min(PARTITIONS, Runtime.getRuntime().availableProcessors()));
        return threads;
    }

    @Bean
    @JobScope
    public PartitionRerun partitionRerun(RunContextHolder run, JdbcTemplate jdbc, JobRepository jobs) {
        return new PartitionRerun(jdbc, jobs, run.get().runId());
    }

    /** The run's programme, profile and paths, loaded once per job execution. */
    @Bean
    @JobScope
    public RunContextHolder runContext(@Value("#{jobExecution}") JobExecution execution, JdbcTemplate jdbc) {
        JobParameters p = execution.getJobParameters();
        String programme = p.getString(RunContext.PROGRAMME);
        String year = p.getString(RunContext.ACADEMIC_YEAR);
        int session = Math.toIntExact(p.getLong(RunContext.SESSION));
        if (!execution.getExecutionContext().containsKey(RunContext.OUTPUT_DIR)) {
            // A final deliberation run again (a recours) is a correctif, in a folder of its own.
            Integer published = session == 1 ? 0 : jdbc.queryForObject("SELECT COUNT(*) FROM delib_run WHERE job = ? "
                    + "AND programme = ? AND academic_year = ? AND session = 2", Integer.class,
                    p.getString(RunContext.JOB), programme, year);
            execution.getExecutionContext().putString(RunContext.OUTPUT_DIR, RunContext.outputDir(
                    Path.of(p.getString(RunContext.OUTPUT)), programme, year, session, published).toString());
        }
        String rules = p.getString(RunContext.RULES_FILE);
        return new RunContextHolder(RunContext.load(execution.getJobInstanceId(), p.getString(RunContext.JOB),
                programme, year, session, Path.of(p.getString(RunContext.INPUT)), RunContext.outputDir(execution),
                rules == null || rules.isEmpty() ? null : Path.of(rules), p.getString(RunContext.EXPORT)));
    }

    @Bean
    @StepScope
    public Tasklet checkProgramme(RunContextHolder run) {
        return (contribution, chunk) -> {
            run.get(); // loading it checks the programme, the profile and the required files
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * The step's readers and writers are closed by their step, in its thread, as the item streams they are; not by
     * the step scope's end as well (Spring would infer {@code close} as their destroy method): Spring Batch 6's
     * {@code JobOperator.stop} ends the scope of a running step from the stopping thread, which closed a reader while
     * the step was reading (the reading thread of an import interrupted, the step waiting for its rows for ever).
     */
    static final String CLOSED_BY_THEIR_STEP = "";

    @Bean(destroyMethod = CLOSED_BY_THEIR_STEP)
    @StepScope
    public ImportItems importItems(@Value("#{stepExecution}") StepExecution step, RunContextHolder run,
                                   JdbcTemplate jdbc, JobRepository jobs, ImportLookups lookups) {
        return new ImportItems(ImportItems.fileOf(step.getStepName()), run.get(), jdbc, lookups, rerun(step, jobs));
    }

    @Bean
    @JobScope
    public ImportLookups importLookups(RunContextHolder run, JdbcTemplate jdbc) {
        return new ImportLookups(run.get(), jdbc);
    }

    /** Whether an earlier attempt of this step ran in this job instance (the step is restarted). */
    static boolean rerun(StepExecution step, JobRepository jobs) {
        try {
            return jobs.getStepExecutionCount(step.getJobExecution().getJobInstance(), step.getStepName()) > 1;
        } catch (org.springframework.batch.core.step.NoSuchStepException e) {
            return false;
        }
    }

    @Bean
    @StepScope
    public Tasklet crossChecks(RunContextHolder run, JdbcTemplate jdbc, ImportLookups lookups) {
        return (contribution, chunk) -> {
            lookups.release();
            StagedInputs.analyze(jdbc);
            CrossChecks.run(jdbc, run.get().runId(), run.get().inputs());
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    @StepScope
    public Tasklet checkRejects(RunContextHolder run, JdbcTemplate jdbc) {
        return (contribution, chunk) -> {
            long rejects = Rejects.count(jdbc, run.get().runId());
            int limit = run.get().profile().rejectLimit();
            if (rejects > limit) {
                throw new InputException(rejects + " input rows rejected, more than the limit of " + limit
                        + ": see " + run.get().outputDir().resolve("rejects.csv"));
            }
            return RepeatStatus.FINISHED;
        };
    }

    @Bean(destroyMethod = CLOSED_BY_THEIR_STEP)
    @StepScope
    public StudentRecordReader students(RunContextHolder run, JdbcTemplate jdbc,
                                        @Value("#{stepExecution}") StepExecution step) {
        RunContext r = run.get();
        ExecutionContext range = StudentRanges.rangeOf(step, jdbc, r.runId());
        return new StudentRecordReader(jdbc, r.runId(), r.programme().code(), r.academicYear(), STUDENT_CHUNK,
                range.getString(StudentRanges.AFTER), range.getString(StudentRanges.UP_TO));
    }

    @Bean
    @StepScope
    public ProgressLogger partitionProgress() {
        return new ProgressLogger();
    }

    @Bean
    @StepScope
    public Partitioner studentRanges(RunContextHolder run, JdbcTemplate jdbc) {
        return new StudentRanges(jdbc, run.get().runId());
    }

    @Bean
    @StepScope
    public Tasklet mergeParts(RunContextHolder run, JdbcTemplate jdbc) {
        return (contribution, chunk) -> {
            RunContext r = run.get();
            StudentReports.merge(r.staging(), StudentRanges.partDirs(r.staging(), PARTITIONS), r.csv(), r.profile(),
                    r.session() == 1);
            // The ranking and the documents read every result back: on PostgreSQL, planned without statistics of
            // the rows just written, the ranking took 18.9 s instead of 5.5 s in a 1M-mark run.
            StagedInputs.analyze(jdbc, List.of("delib_result", "delib_decision", "delib_student"));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    @StepScope
    public ItemProcessor<StudentRecord, StudentResult> deliberate(RunContextHolder run) {
        Deliberation deliberation = new Deliberation(run.get().programme(), run.get().profile());
        return run.get().session() == 1 ? deliberation::sessionOne : deliberation::sessionTwo;
    }

    @Bean(destroyMethod = CLOSED_BY_THEIR_STEP)
    @StepScope
    public CompositeItemWriter<StudentResult> resultWriters(RunContextHolder run, JdbcTemplate jdbc,
                                                            @Value("#{stepExecution}") StepExecution step)
            throws IOException {
        RunContext r = run.get();
        Path part = Files.createDirectories(StudentRanges.partDir(r.staging(),
                StudentRanges.rangeOf(step, jdbc, r.runId()).getInt(StudentRanges.PART)));
        // The files first: their buffers are only flushed if the database writes after them commit.
        List<ItemWriter<? super StudentResult>> writers =
                new ArrayList<>(StudentReports.writers(part, r.csv(), r.profile(), r.session() == 1));
        writers.add(new ResultsWriter(jdbc, r.runId(), r.fileNames(), r.session() == 2));
        return new CompositeItemWriter<>(writers);
    }

    @Bean
    @StepScope
    public Tasklet ranking(RunContextHolder run, JdbcTemplate jdbc) {
        return new RankingTasklet(run.get(), jdbc);
    }

    @Bean
    @StepScope
    public Tasklet documents(RunContextHolder run, JdbcTemplate jdbc, @Value("#{stepExecution}") StepExecution step) {
        return new DocumentsTasklet(run.get(), jdbc, step.getJobExecution().getJobParameters());
    }

    @Bean
    @StepScope
    public Tasklet publish(RunContextHolder run, JdbcTemplate jdbc, JobRepository jobs,
                           @Value("#{stepExecution}") StepExecution step) {
        return new PublishTasklet(run.get(), jdbc, jobs, step.getJobExecution());
    }

    @Bean
    @StepScope
    public Tasklet dropStaged(RunContextHolder run, JdbcTemplate jdbc) {
        return (contribution, chunk) -> {
            StagedInputs.drop(jdbc, run.get().runId());
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    public FailureReport failureReport(JdbcTemplate jdbc) {
        return new FailureReport(jdbc);
    }

    /** Which check applies to which file. */
    static Function<InputRow, Staged> checks(RunContext run, InputFile file, Map<String, String> studentLevels,
                                             Map<String, Set<String>> debts) {
        return new RowChecks(run.programme(), studentLevels, debts).of(file, run.fileNames().get(file));
    }
}
