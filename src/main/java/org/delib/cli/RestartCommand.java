package org.delib.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "restart", description = "Resumes the last failed (or killed) run of a job where it stopped.")
public class RestartCommand extends JobCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        JobDefinition job = JobDefinition.load(jobFile).with(null, null, null);
        String fingerprint = Fingerprint.of(job);
        return RunCommand.launch(spec, database, jobFile, (runner, name, hint) -> runner.restart(name, hint, fingerprint));
    }
}
