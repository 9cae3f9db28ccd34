package org.delib.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.delib.DelibApplication;
import org.delib.importing.StagedMarks.Mark;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** marks.csv staged packed: the packing, the cross-checks over packed rows, and the migration to them. */
class StagedMarksTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    /** A fresh database of the kind, migrated up to {@code target} (null: all migrations). */
    private static JdbcTemplate database(String kind, String target) {
        DataSource ds;
        if (kind.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:marks" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            ds = h2;
        } else {
            ds = postgres.getPostgresDatabase();
            new JdbcTemplate(ds).execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        }
        migrate(ds, kind, target);
        return new JdbcTemplate(ds);
    }

    private static void migrate(DataSource ds, String kind, String target) {
        var config = Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/" + kind, "classpath:db/migration/common")
                .placeholders(DelibApplication.placeholders(kind.equals("postgresql")));
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static Staged row(long line, String student, String matiere, String session, String exam, String cc,
                              String tp) {
        return Staged.accepted(line, student, matiere, session, exam, cc, tp);
    }

    @Test
    void marksComeBackAsPackedEmptyCellsIncluded() {
        List<Mark> marks = List.of(new Mark(7, "ANA1", "R", "ABJ", "", ""), new Mark(8, "ALG1", "1", "12.5", "", "9"),
                new Mark(12, "ANG1", "1", "", "", ""));
        assertThat(StagedMarks.pack(marks)).isEqualTo("7 ANA1 R ABJ  ;8 ALG1 1 12.5  9;12 ANG1 1   ");
        assertThat(StagedMarks.unpack(StagedMarks.pack(marks))).isEqualTo(marks);
        assertThat(StagedMarks.unpack("")).isEmpty();
    }

    @Test
    void aStudentsConsecutiveRowsArePackedTogetherAndOnlyThose() {
        List<Object[]> rows = StagedMarks.rows(9, List.of(row(2, "E1", "ANA1", "1", "12", "10", ""),
                row(3, "E1", "ALG1", "1", "8", "", ""), row(4, "E2", "ANA1", "1", "15", "", ""),
                row(6, "E1", "ANG1", "1", "11", "", "")));

        assertThat(rows).containsExactly(new Object[] {9L, 2L, "E1", 2, "2 ANA1 1 12 10 ;3 ALG1 1 8  "},
                new Object[] {9L, 4L, "E2", 1, "4 ANA1 1 15  "}, new Object[] {9L, 6L, "E1", 1, "6 ANG1 1 11  "});
    }

    @Test
    void aPackedRowHoldsAtMostItsMaximumOfMarks() {
        List<Staged> many = new ArrayList<>();
        for (int line = 2; line < 2 + StagedMarks.MAX_PER_ROW + 1; line++) {
            many.add(row(line, "E1", "M" + line, "1", "10", "", ""));
        }
        List<Object[]> rows = StagedMarks.rows(1, many);

        assertThat(rows).extracting(r -> r[1], r -> r[3]).containsExactly(
                tuple(2L, StagedMarks.MAX_PER_ROW), tuple(2L + StagedMarks.MAX_PER_ROW, 1));
    }

    private static void stage(JdbcTemplate jdbc, long runId, Staged... rows) {
        jdbc.batchUpdate(StagedMarks.INSERT, StagedMarks.rows(runId, List.of(rows)));
    }

    private static List<String> rejects(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT CONCAT(line, ' ', col, '=', val, ': ', reason) FROM delib_reject "
                + "ORDER BY line", String.class);
    }

    private static List<String> staged(JdbcTemplate jdbc, long runId) {
        return jdbc.queryForList("SELECT CONCAT(student_id, ' ', line, ' ', entries, ' [', marks, ']') FROM delib_mark "
                + "WHERE run_id = ? ORDER BY student_id, line", String.class, runId);
    }

    /**
     * RULES §12.18 and §12.2 over a student's rows spread over packed rows (the file not in student order): the
     * later of two rows with the same key is rejected, and a replacement whose only ABJ was that later row has no
     * justified absence left.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void duplicatesAndOrphanReplacementsAreFoundAcrossPackedRows(String kind) {
        JdbcTemplate jdbc = database(kind, null);
        stage(jdbc, 1, row(2, "E1", "ANA1", "1", "12", "10", ""), row(3, "E1", "ANA1", "R", "14", "", ""),
                row(4, "E2", "ANA1", "1", "ABJ", "10", ""), row(5, "E2", "ANA1", "R", "13", "", ""),
                row(6, "E1", "ANA1", "1", "ABJ", "", ""), row(7, "E1", "ALG1", "1", "9", "", ""));
        stage(jdbc, 2, row(2, "E1", "ANA1", "1", "12", "10", ""), row(3, "E1", "ANA1", "1", "13", "", ""));

        StagedMarks.crossCheck(jdbc, 1, "marks.csv");

        assertThat(rejects(jdbc)).containsExactly(
                "3 session=R: a replacement exam (session R) needs a session-1 exam marked ABJ (Art. 41)",
                "6 student_id=E1: duplicate of line 2 (same student_id, matiere, session); the later row is rejected");
        assertThat(staged(jdbc, 1)).containsExactly("E1 2 1 [2 ANA1 1 12 10 ]", "E1 6 1 [7 ALG1 1 9  ]",
                "E2 4 2 [4 ANA1 1 ABJ 10 ;5 ANA1 R 13  ]");
        // Another run's rows are not its business.
        assertThat(staged(jdbc, 2)).containsExactly("E1 2 2 [2 ANA1 1 12 10 ;3 ANA1 1 13  ]");
        assertThat(jdbc.queryForObject("SELECT " + InputFile.MARKS.stagedRows() + " FROM delib_mark WHERE run_id = 1",
                Long.class)).isEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusedMarksLeaveTheirPackedRowForTheRejects(String kind) {
        JdbcTemplate jdbc = database(kind, null);
        stage(jdbc, 1, row(2, "E1", "ANA1", "1", "12", "10", ""), row(3, "E1", "ANA1", "2", "14", "", ""),
                row(4, "E1", "ALG1", "2", "11", "", ""));
        stage(jdbc, 1, row(9, "E1", "ANA1", "2", "15", "", ""));

        StagedMarks.reject(jdbc, 1, "marks.csv", "E1", m -> m.session().equals("2") && m.matiere().equals("ANA1")
                ? new Reject(InputFile.MARKS, "marks.csv", m.line(), "session", m.session(), "not convoked") : null);

        assertThat(rejects(jdbc)).containsExactly("3 session=2: not convoked", "9 session=2: not convoked");
        assertThat(staged(jdbc, 1)).containsExactly("E1 2 2 [2 ANA1 1 12 10 ;4 ALG1 2 11  ]");
    }

    /** A run left to be restarted across the upgrade keeps its staged marks, one packed row each. */
    @ParameterizedTest
    @MethodSource("databases")
    void theMigrationPacksTheMarksARunLeftStaged(String kind) {
        JdbcTemplate jdbc = database(kind, "4");
        jdbc.update("INSERT INTO delib_mark (run_id, line, student_id, matiere, session, exam, cc, tp) VALUES "
                + "(5, 2, 'E1', 'ANA1', '1', '12.5', '', '9'), (5, 3, 'E1', 'ANA1', 'R', 'ABJ', '', '')");

        migrate(jdbc.getDataSource(), kind, null);

        assertThat(staged(jdbc, 5)).containsExactly("E1 2 1 [2 ANA1 1 12.5  9]", "E1 3 1 [3 ANA1 R ABJ  ]");
        assertThat(jdbc.queryForList("SELECT marks FROM delib_mark WHERE run_id = 5 ORDER BY line", String.class)
                .stream().flatMap(p -> StagedMarks.unpack(p).stream()).toList()).containsExactly(
                new Mark(2, "ANA1", "1", "12.5", "", "9"), new Mark(3, "ANA1", "R", "ABJ", "", ""));
    }
}
