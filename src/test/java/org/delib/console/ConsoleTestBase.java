package org.delib.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.delib.DelibApplication;
import org.delib.cli.HashPasswordCommand;
import org.delib.deliberation.FaultyJdbc;
import org.delib.deliberation.JobHarness;
import org.delib.schedule.JobScheduler;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.FileSystemUtils;

/**
 * The context {@code serve} starts when a user is configured — a web server and a management server on random
 * ports of 127.0.0.1, the users file imported, the jobs folder given, as command-line properties the way
 * {@link Console#properties} passes them — on an in-memory H2, with a JdbcTemplate that can be told to fail once
 * as a lost database would. Every console test shares it.
 */
@SpringBootTest(classes = DelibApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        // Chunks of 1,000 marks, so that a failure can be injected in the middle of the demo's 4,600.
        properties = {"spring.datasource.url=jdbc:h2:mem:console;DB_CLOSE_DELAY=-1", "delib.import-chunk=1000"},
        args = {"--spring.main.web-application-type=servlet",
                "--spring.config.import=optional:file:target/console-test/console.yml",
                "--server.address=127.0.0.1", "--server.port=0",
                "--management.server.address=127.0.0.1", "--management.server.port=0",
                "--delib.console.jobs-dir=target/console-test/jobs"})
@Import(ConsoleTestBase.Faults.class)
@AutoConfigureMockMvc
abstract class ConsoleTestBase {

    static final String USER = "registrar";
    static final String PASSWORD = "correct horse battery staple";
    static final Path DIR = Path.of("target/console-test").toAbsolutePath();
    static final Path JOBS = DIR.resolve("jobs");
    static final Path OUT = DIR.resolve("out");

    static {
        try {
            FileSystemUtils.deleteRecursively(DIR);
            Files.createDirectories(JOBS);
            Files.writeString(DIR.resolve("console.yml"), """
                    delib:
                      console:
                        users:
                          - name: %s
                            password-hash: "%s"
                    """.formatted(USER, HashPasswordCommand.hash(PASSWORD)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration
    static class Faults {
        @Bean
        GatedJdbc jdbcTemplate(DataSource dataSource) {
            return new GatedJdbc(dataSource);
        }
    }

    /** The steps' JdbcTemplate: fails once on demand, or holds a statement's batches until released. */
    static class GatedJdbc extends FaultyJdbc {

        private volatile String held;
        private final java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

        GatedJdbc(DataSource dataSource) {
            super(dataSource);
        }

        /** The next batches of {@code statement} wait for {@link #release()}; once per context. */
        void hold(String statement) {
            held = statement;
        }

        boolean awaitHeld() throws InterruptedException {
            return reached.await(60, java.util.concurrent.TimeUnit.SECONDS);
        }

        void release() {
            held = null;
            released.countDown();
        }

        @Override
        public int[] batchUpdate(String sql, java.util.List<? extends Object[]> batchArgs) {
            String statement = held;
            if (statement != null && sql.contains(statement)) {
                reached.countDown();
                try {
                    released.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.batchUpdate(sql, batchArgs);
        }
    }

    private static boolean started;

    @Autowired
    JobScheduler scheduler;

    @Autowired
    GatedJdbc jdbc;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void startScheduler() {
        synchronized (ConsoleTestBase.class) {
            if (!started) {
                scheduler.start(JOBS, DIR.resolve("data")); // what serve does: no job here has a schedule
                started = true;
            }
        }
    }

    /** Three students, seven marks of which three are duplicates: a run of a second, with rejects. */
    static final Path SMALL = Path.of("src/test/resources/bad-input/duplicate-marks/input");

    /** A job definition of the served folder, on the demo cohort. */
    static Path job(String name) throws IOException {
        return job(name, JobHarness.DEMO);
    }

    static Path job(String name, Path input) throws IOException {
        return Files.writeString(JOBS.resolve(name + ".yml"), "programme: LIC-INFO\nacademic_year: 2025-2026\n"
                + "session: 1\ninput: " + input.toAbsolutePath() + "\noutput: " + OUT.resolve(name) + "\n");
    }

    String console() {
        return "http://127.0.0.1:" + port;
    }

    String management() {
        return "http://127.0.0.1:" + managementPort;
    }
}
