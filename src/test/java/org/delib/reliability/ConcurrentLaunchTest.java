package org.delib.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.delib.deliberation.JobHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, item 3: the same job launched twice at once. One runs; the other is refused with a clear message
 * (exit 1, one line saying it is already running); nothing is written twice: the published files are the expected
 * ones, the database holds one run with each student decided once.
 */
class ConcurrentLaunchTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void secondLaunchOfTheSameJobIsRefusedOnTheEmbeddedDatabase() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        Path job = ForkedDelib.jobFile(tmp.resolve("jobs"), "demo-session1", JobHarness.DEMO.toAbsolutePath(), out);

        List<ForkedDelib.Launch> launches = raceTwo(job, data, data, List.of());

        assertOneRanOneRefused(launches, "demo-session1");
        JobHarness.assertSameFiles(JobHarness.EXPECTED_DEMO_SESSION_1, JobHarness.sessionDir(out, 1));
        assertThat(KillRestartTestBase.names(JobHarness.sessionDir(out, 1).getParent())).containsExactly("session-1");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("delib") + ";AUTO_SERVER=TRUE",
                "sa", "")) {
            assertOneRunDecidedOnce(c);
        }
    }

    /**
     * The lock is a file under the data folder. Two launches on one PostgreSQL server from two data folders (two
     * machines, or one administrator's shell and a cron job started in another folder) share the job repository:
     * the second must still be refused, not take the first one's running execution for a killed one.
     */
    @Test
    @Timeout(180)
    void secondLaunchOfTheSameJobIsRefusedOnASharedPostgresFromAnotherDataFolder() throws Exception {
        String database = SharedPostgres.createDatabase("concurrent");
        Path out = tmp.resolve("out");
        Path job = ForkedDelib.jobFile(tmp.resolve("jobs"), "demo-session1", JobHarness.DEMO.toAbsolutePath(), out);

        List<ForkedDelib.Launch> launches = raceTwo(job, tmp.resolve("data-a"), tmp.resolve("data-b"),
                SharedPostgres.options(database));

        String said = describe(launches);
        try (Connection c = SharedPostgres.connect(database)) {
            System.out.println("Two launches on one PostgreSQL from two data folders: " + said
                    + "\n  job executions: " + KillRestartTestBase.longs(c, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")
                    + ", decisions: " + KillRestartTestBase.longs(c, "SELECT COUNT(*) FROM delib_decision"));
            assertOneRanOneRefused(launches, "demo-session1");
            assertOneRunDecidedOnce(c);
        }
        JobHarness.assertSameFiles(JobHarness.EXPECTED_DEMO_SESSION_1, JobHarness.sessionDir(out, 1));
    }

    /** Starts the same run twice at once. */
    private List<ForkedDelib.Launch> raceTwo(Path job, Path dataA, Path dataB, List<String> dbOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", job.toString()));
        args.addAll(dbOptions);
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        ForkedDelib.Launch a = ForkedDelib.start(tmp.resolve("a"), dataA, args.toArray(String[]::new));
        ForkedDelib.Launch b = ForkedDelib.start(tmp.resolve("b"), dataB, args.toArray(String[]::new));
        a.waitFor(150);
        b.waitFor(150);
        return List.of(a, b);
    }

    private static String describe(List<ForkedDelib.Launch> launches) {
        StringBuilder b = new StringBuilder();
        for (ForkedDelib.Launch l : launches) {
            b.append("\n=== exit ").append(l.process().exitValue()).append('\n').append(l.console());
        }
        return b.toString();
    }

    private static void assertOneRanOneRefused(List<ForkedDelib.Launch> launches, String name) {
        String said = describe(launches);
        List<Integer> codes = launches.stream().map(l -> l.process().exitValue()).sorted().toList();
        assertThat(codes).as(said).containsExactly(0, 1);
        ForkedDelib.Launch refused = launches.stream().filter(l -> l.process().exitValue() == 1).findFirst().orElseThrow();
        ForkedDelib.Launch ran = launches.stream().filter(l -> l.process().exitValue() == 0).findFirst().orElseThrow();
        assertThat(ran.out()).as(said).contains("Completed run #");
        // One line on the console, saying the job is already running: no stack trace, nothing else.
        assertThat(refused.err().lines().toList()).as(said).singleElement().asString()
                .contains("job " + name + " is already running").contains("refused");
        assertThat(refused.out()).as(said).isEmpty();
        assertThat(refused.err() + ran.err()).as(said).doesNotContain("\tat ", "Exception");
    }

    private static void assertOneRunDecidedOnce(Connection c) throws SQLException {
        assertThat(KillRestartTestBase.longs(c, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly(1L);
        assertThat(KillRestartTestBase.longs(c, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).containsExactly(1L);
        assertThat(KillRestartTestBase.longs(c, "SELECT COUNT(*) FROM delib_run")).containsExactly(1L);
        assertThat(KillRestartTestBase.longs(c, "SELECT COUNT(*) FROM delib_decision")).containsExactly(300L);
        assertThat(KillRestartTestBase.longs(c, "SELECT COUNT(DISTINCT student_id) FROM delib_decision"))
                .containsExactly(300L);
    }
}
