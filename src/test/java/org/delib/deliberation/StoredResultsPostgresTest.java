package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.delib.DelibApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documents and the ranking read a run's results a page at a time ({@link StoredResults}); on a real
 * PostgreSQL, a page late in the run must read its own rows only, or reading a run costs N² (issue #6).
 */
class StoredResultsPostgresTest {

    private static final int STUDENTS = 20_000;

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void aRunOfTwentyThousandStudents() throws SQLException {
        postgres = PostgresRestartTest.start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration/postgresql", "classpath:db/migration/common")
                .placeholders(DelibApplication.placeholders(true)).load().migrate();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement student = c.prepareStatement("INSERT INTO delib_student VALUES "
                    + "(1, ?, ?, 'Nom', 'Prénom', 'L1', 1, FALSE, 'S1', 'AB')");
                 PreparedStatement decision = c.prepareStatement("INSERT INTO delib_decision (run_id, student_id, "
                         + "level, year_mark, year_credits, decision, next_level, debts, results) "
                         + "VALUES (1, ?, 'L1', 12, 60, 'ADM', 'L2', '', '')")) {
                for (int i = 1; i <= STUDENTS; i++) {
                    String id = String.format("E%06d", i);
                    student.setLong(1, i + 1);
                    student.setString(2, id);
                    student.addBatch();
                    decision.setString(1, id);
                    decision.addBatch();
                }
                student.executeBatch();
                decision.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE delib_student, delib_decision"); // as the merge-parts step does
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    /**
     * The page after the 19,000th student, planned as the application's prepared statement is once PostgreSQL has
     * settled on a generic plan: no node of the plan reads more than a page or two of rows.
     */
    @Test
    void aLatePageReadsOnlyItsOwnRows() throws SQLException {
        List<Long> rows = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            String query = StoredResults.PAGE_QUERY;
            for (int n = 1; query.contains("?"); n++) {
                query = query.replaceFirst("\\?", "\\$" + n);
            }
            s.execute("PREPARE page(bigint, text, text) AS " + query);
            StringBuilder plan = new StringBuilder();
            try (ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, TIMING OFF) EXECUTE page(1, 'E019000', 'E019000')")) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            Matcher actual = Pattern.compile("actual rows=(\\d+)").matcher(plan);
            while (actual.find()) {
                rows.add(Long.parseLong(actual.group(1)));
            }
            assertThat(rows).as("rows read by each node of:\n%s", plan).isNotEmpty().allMatch(n -> n <= 1_000);
        }
    }
}
