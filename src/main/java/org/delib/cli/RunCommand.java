package org.delib.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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
            try (ConfigurableApplicationContext context = database.start()) {
                JobRunner.Outcome outcome = launch.with(context.getBean(JobRunner.class), name,
                        "java -jar target/delib.jar restart " + jobFile);
                outcome.lines().forEach((outcome.exitCode() == 0 ? spec.commandLine().getOut() : spec.commandLine().getErr())::println);
                return outcome.exitCode();
            }
        }
    }
}
