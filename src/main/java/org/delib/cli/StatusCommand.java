package org.delib.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", description = "Lists runs with their state and each step's progress.")
public class StatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JOBFILE", arity = "0..1", description = "only the runs of this job")
    Path jobFile;

    @Mixin
    Database database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = database.start()) {
            context.getBean(JobRunner.class).status(jobFile == null ? null : JobDefinition.nameOf(jobFile))
                    .forEach(spec.commandLine().getOut()::println);
            return 0;
        }
    }
}
