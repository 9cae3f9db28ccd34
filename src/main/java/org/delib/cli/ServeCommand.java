package org.delib.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.delib.console.Console;
import org.delib.schedule.JobScheduler;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", description = "Runs every job definition on its schedule until stopped (SIGTERM stops "
        + "running jobs cleanly: restart resumes them), and serves the web console when data/console.yml names "
        + "its users.")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "jobs", description = "folder of job definitions")
    Path jobs;

    @Option(names = "--port", defaultValue = "8080", description = "port of the web console (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--address", defaultValue = "127.0.0.1",
            description = "address the web console listens on (default ${DEFAULT-VALUE}: this machine only)")
    String address;

    @Option(names = "--management-port", defaultValue = "8081",
            description = "port of health and metrics, on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int managementPort;

    @Option(names = "--users", paramLabel = "FILE",
            description = "the console's users (default data/console.yml; no user: no console)")
    Path users;

    @Mixin
    Database database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path usersFile = users != null ? users : Database.dataDir().resolve("console.yml");
        boolean console = Console.users(usersFile) > 0;
        Map<String, Object> web = console ? Console.properties(usersFile, jobs, address, port, managementPort) : Map.of();
        CountDownLatch stopped = new CountDownLatch(1);
        ConfigurableApplicationContext context = database.start(web);
        // Spring closes the context on SIGTERM (its shutdown hook): the scheduler stops its jobs first.
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                stopped.countDown();
            }
        });
        var scheduled = context.getBean(JobScheduler.class).start(jobs, Database.dataDir());
        out.println(scheduled.isEmpty() ? "No job of " + jobs + " has a schedule."
                : "Scheduled: " + String.join(", ", scheduled) + ". Logs in " + Database.dataDir().resolve("delib.log"));
        if (console && context instanceof WebServerApplicationContext w) {
            out.println("Console: http://" + address + ":" + w.getWebServer().getPort() + "/ (health and metrics: http://"
                    + Console.MANAGEMENT_ADDRESS + ":" + managementPort + "/actuator)");
        } else {
            out.println("Web console off: no user in " + usersFile + " (see README, Web console: "
                    + "java -jar target/delib.jar hash-password).");
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
