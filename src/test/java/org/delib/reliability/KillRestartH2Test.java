package org.delib.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kills and restarts on the embedded H2 database, a file under {@code -Ddelib.data} as in production.
 * {@code -Ddelib.kill.h2options=;WRITE_DELAY=0} runs the same tests with the database URL Délib would use plus
 * those options (given with --db-url): a way to tell whether a failure comes from H2's write delay.
 */
class KillRestartH2Test extends KillRestartTestBase {

    static final String OPTIONS = System.getProperty("delib.kill.h2options", "");

    @Override
    Database freshDatabase(String name, Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.resolve("delib") + ";AUTO_SERVER=TRUE" + OPTIONS;
        return new Database() {
            @Override
            public List<String> options() {
                return OPTIONS.isEmpty() ? List.of() : List.of("--db-url", url, "--db-user", "sa");
            }

            /** Opened only while no Délib process runs (it would otherwise serve the file to this one). */
            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection(url, "sa", "");
            }
        };
    }

    /**
     * What the run has printed as done is committed: once a step has said "completed" and the next ones have run,
     * a kill must not take the step back. (With H2's default write delay, committed transactions of the last
     * second or so are lost when the process is killed.)
     */
    @Test
    @Timeout(120)
    void aStepThatHasCompletedIsStillCompletedAfterAKill() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        Database db = freshDatabase("durable", data);
        Path job = ForkedDelib.jobFile(tmp.resolve("jobs"), "durable", KillReference.cohort(), out);
        List<String> args = new ArrayList<>(List.of("run", job.toString()));
        args.addAll(db.options());
        ForkedDelib.Launch launch = ForkedDelib.start(tmp, data, args.toArray(String[]::new));
        // import-marks ended, then attendance, sanctions, jury and history each began after it was recorded.
        assertThat(killAfter(launch, Target.AFTER_IMPORTS, 0, out)).as(launch.console()).isTrue();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT STATUS, COMMIT_COUNT, "
                + "READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'import-marks'"); ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + ", " + rs.getLong(3) + " rows read in " + rs.getLong(2) + " commits")
                    .as("import-marks in the job repository after a kill, though the killed run had printed:%n%s",
                            launch.out())
                    .isEqualTo("COMPLETED, " + launch.out().lines().filter(l -> l.contains("import-marks completed"))
                            .findFirst().orElseThrow().replaceFirst(".*: (\\d+) rows read.*", "$1")
                            + " rows read in " + (KillReference.markRows() + 4999) / 5000 + " commits"); // chunks of 5,000
        }
    }

}
