package org.delib.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.logging.LogFactory;
import org.delib.importing.InputException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", description = "Runs a job: deliberates its session and publishes the outputs.")
public class RunCommand extends JobCommand implements Callable<Integer> {

    @Option(names = "--session", description = "1, or 2 for the final deliberation (overrides the job file)")
    Integer session;

    @Option(names = "--input", paramLabel = "DIR", description = "input folder (overrides the job file)")
    String input;

    @Option(names = "--output", paramLabel = "DIR", description = "output folder (overrides the job file)")
    String output;

    @Override
    public Integer call() throws Exception {
        JobDefinition job = JobDefinition.load(jobFile).with(session, input, output);
        return launch(spec, database, jobFile, (runner, name, hint) -> runner.run(name, hint,
                JobRunner.parameters(name, job, Fingerprint.of(job))));
    }

    /** What run and restart do with the runner once the job's lock is held. */
    interface Launch {
        JobRunner.Outcome with(JobRunner runner, String name, String restartHint) throws Exception;
    }

    /** Takes the job's lock, starts the context, launches, prints the outcome. */
    static int launch(CommandSpec spec, Database database, Path jobFile, Launch launch) throws Exception {
        String name = JobDefinition.nameOf(jobFile);
        try (JobLock lock = JobLock.tryAcquire(Database.dataDir(), name)) {
            if (lock == null) {
                throw new InputException("job " + name + " is already running in another process; "
                        + "this launch is refused (see: java -jar target/delib.jar status " + jobFile + ")");
            }
            String hint = "java -jar target/delib.jar restart " + jobFile;
            try (ConfigurableApplicationContext context = database.start();
                 DatabaseLock shared = DatabaseLock.tryAcquire(context.getBean(DataSource.class), name)) {
                if (shared == null) {
                    throw new InputException("job " + name + " is already running on another machine sharing this "
                            + "database; this launch is refused (see: java -jar target/delib.jar status " + jobFile + ")");
                }
                JobRunner.Outcome outcome;
                try {
                    outcome = launch.with(context.getBean(JobRunner.class), name, hint);
                } catch (RuntimeException e) {
                    if (e instanceof InputException) {
                        throw e;
                    }
                    // The job repository itself failed (a database that went away): say so, and how to resume.
                    LogFactory.getLog("delib.failures").error("run of " + name + " failed", e);
                    Long run = org.delib.deliberation.FailureReport.currentRun();
                    outcome = new JobRunner.Outcome(1, List.of("FAILED run #" + (run == null ? "?" : run) + ": "
                            + Failures.oneLine(e) + ". Once the cause is fixed, resume it with: " + hint));
                }
                outcome.lines().forEach((outcome.exitCode() == 0 ? spec.commandLine().getOut() : spec.commandLine().getErr())::println);
                return outcome.exitCode();
            }
        }
    }
}
