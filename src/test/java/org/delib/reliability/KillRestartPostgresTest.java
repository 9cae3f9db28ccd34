package org.delib.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kills and restarts on a real PostgreSQL server (embedded, started by the test). The expected files are those of
 * the uninterrupted run on H2: the contract is the same bytes on either database.
 */
class KillRestartPostgresTest extends KillRestartTestBase {

    @Override
    Database freshDatabase(String name, Path dataDir) throws Exception {
        String database = SharedPostgres.createDatabase(name);
        return new Database() {
            @Override
            public List<String> options() {
                return SharedPostgres.options(database);
            }

            @Override
            public Connection connect() throws SQLException {
                return SharedPostgres.connect(database);
            }
        };
    }

    /**
     * A restart creates the resumed step's new execution in the job repository before it saves the position it
     * resumes from (Spring Batch 6 stores the new step execution with an empty context first). Killed in between,
     * the next restart must still resume from the last committed chunk, not from the first student again. The
     * kill is aimed by watching the job repository (PostgreSQL: another connection disturbs nothing).
     */
    @Test
    @Timeout(180)
    void killedBetweenTheCreationOfAResumedStepAndItsFirstSave() throws Exception {
        var uninterrupted = KillReference.start();
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        Database db = freshDatabase("resumed", data);
        Path job = ForkedDelib.jobFile(tmp.resolve("jobs"), "resumed", KillReference.cohort(), out);
        List<String> run = new ArrayList<>(List.of("run", job.toString()));
        run.addAll(db.options());
        ForkedDelib.Launch first = ForkedDelib.start(tmp, data, run.toArray(String[]::new));
        // Killed in deliberate once chunks are committed: at once, since the partitions take about a second in all
        // (half a second later, the kill once landed after the step).
        assertThat(killAfter(first, Target.DELIBERATE, 20, out)).as(first.console()).isTrue();
        long committed;
        long unfinished;
        long lastStep;
        try (Connection c = db.connect()) {
            committed = longs(c, "SELECT COALESCE(SUM(COMMIT_COUNT), 0) FROM BATCH_STEP_EXECUTION "
                    + "WHERE STEP_NAME LIKE 'deliberate-part:%'").get(0);
            unfinished = longs(c, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'deliberate' "
                    + "AND STATUS <> 'COMPLETED'").get(0);
            lastStep = longs(c, "SELECT COALESCE(MAX(STEP_EXECUTION_ID), 0) FROM BATCH_STEP_EXECUTION").get(0);
        }
        assertThat(committed).as("chunks of deliberate committed before the first kill").isPositive();
        assertThat(unfinished).as("deliberate unfinished at the first kill").isEqualTo(1);

        // The restart: killed as soon as its deliberate step execution is in the repository.
        List<String> restart = new ArrayList<>(List.of("restart", job.toString()));
        restart.addAll(db.options());
        ForkedDelib.Launch second = ForkedDelib.start(tmp, data, restart.toArray(String[]::new));
        String context = null;
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT x.SHORT_CONTEXT "
                + "FROM BATCH_STEP_EXECUTION e LEFT JOIN BATCH_STEP_EXECUTION_CONTEXT x "
                + "ON x.STEP_EXECUTION_ID = e.STEP_EXECUTION_ID WHERE e.STEP_NAME = 'deliberate' "
                + "AND e.STEP_EXECUTION_ID > ?")) {
            s.setLong(1, lastStep);
            while (context == null && second.process().isAlive()) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        second.process().destroyForcibly();
                        context = String.valueOf(rs.getString(1));
                    }
                }
            }
        }
        second.process().waitFor();
        assertThat(context).as("the restart's deliberate step was seen: %s", second.console()).isNotNull();
        String state = repository(db);
        System.out.println("KillRestartPostgresTest: killed the restart as its deliberate step appeared; the "
                + "repository then held:\n" + state);

        ForkedDelib.Launch third = ForkedDelib.start(tmp, data, restart.toArray(String[]::new));
        assertThat(third.waitFor(180)).as("a restart after a kill as the resumed step was created:%n%s%n"
                + "the job repository before it:%n%s", third.console(), state).isZero();
        assertSamePublication(uninterrupted.get(300, java.util.concurrent.TimeUnit.SECONDS),
                out.resolve(KillReference.SESSION_DIR), "after a kill as the resumed step was created");
    }
}
