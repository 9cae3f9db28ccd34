package org.delib.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.delib.schedule.JobScheduler;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", description = "Runs every job definition on its schedule until stopped (SIGTERM stops "
        + "running jobs cleanly: restart resumes them).")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "jobs", description = "folder of job definitions")
    Path jobs;

    @Mixin
    Database database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        ConfigurableApplicationContext context = database.start();
        // Spring closes the context on SIGTERM (its shutdown hook): the scheduler stops its jobs first.
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                stopped.countDown();
            }
        });
        var scheduled = context.getBean(JobScheduler.class).start(jobs, Database.dataDir());
        spec.commandLine().getOut().println(scheduled.isEmpty() ? "No job of " + jobs + " has a schedule."
                : "Scheduled: " + String.join(", ", scheduled) + ". Logs in " + Database.dataDir().resolve("delib.log"));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
