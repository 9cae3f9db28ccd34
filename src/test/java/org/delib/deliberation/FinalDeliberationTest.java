package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.delib.DelibApplication;
import org.delib.cli.JobDefinition;
import org.delib.cli.JobRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The demo cohort's final deliberation, and a recours on it (RULES §6–8). */
@SpringBootTest(classes = DelibApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:final;DB_CLOSE_DELAY=-1")
class FinalDeliberationTest {

    static final Path EXPECTED = Path.of("src/test/resources/expected/demo-session2");

    @Autowired
    JobRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path output;

    @TempDir
    Path input;

    @Test
    void finalDeliberationOfTheDemoCohort() throws Exception {
        JobHarness harness = new JobHarness(runner);
        JobRunner.Outcome outcome = harness.run("final", JobHarness.job(JobHarness.DEMO, output, 2));
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.lines())).isZero();
        JobHarness.assertSameFiles(EXPECTED, JobHarness.sessionDir(output, 2));
        // Rattrapage marks of matières the student was not convoked to are rejected, not lost.
        assertThat(outcome.lines()).anyMatch(l -> l.contains("marks.csv: 4600 rows read = 4599 accepted + 1 rejected"));
    }

    @Test
    void aRecoursPublishesACorrectifWithOnlyTheChangedStudents() throws Exception {
        try (var files = Files.list(JobHarness.DEMO)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        JobHarness harness = new JobHarness(runner);
        JobDefinition job = JobHarness.job(input, output, 2);
        assertThat(harness.run("recours", job).exitCode()).isZero();
        Path first = JobHarness.sessionDir(output, 2);
        byte[] firstDecisions = Files.readAllBytes(first.resolve("decisions.csv"));

        // The exam of E00004 in ANA1 was mis-typed: 7,5 corrected to 17,5.
        Path marks = input.resolve("marks.csv");
        Files.writeString(marks, Files.readString(marks).replace("E00004;ANA1;1;7,5;4,25;", "E00004;ANA1;1;17,5;4,25;"));
        JobRunner.Outcome correctif = harness.run("recours", job);
        assertThat(correctif.exitCode()).as(String.join("\n", correctif.lines())).isZero();

        Path dir = output.resolve("LIC-INFO/2025-2026/session-2-correctif-1");
        assertThat(correctif.lines()).anyMatch(l -> l.contains(dir.toString()));
        // ANA1 = (17.5×2 + 4.25)/3 = 13.08: acquired, its 6 credits capitalised. UEF11 = (13.08×2 + ALGO1 5.25×3)/5
        // = 8.38; S1 = (8.38×3 + 3.98×2 + 2.00 + 5.38)/7 = 5.78; year = (40.48 + 36.96)/14 = 5.53: still RED.
        assertThat(Files.readAllLines(dir.resolve("decisions.csv"))).containsExactly(
                "student_id;last_name;first_name;level;year_mark;year_credits;decision;next_level;debts",
                "E00004;Martin;Noémie;L1;5.53;6;RED;L1;");
        assertThat(Files.readAllLines(dir.resolve("changes.csv"))).containsExactly(
                "student_id;element;mark_before;mark;result_before;result;credits_before;credits",
                "E00004;ANA1;6.42;13.08;AJ;ADM;0;6",
                "E00004;L1;4.96;5.53;AJ;AJ;0;6",
                "E00004;S1;4.64;5.78;AJ;AJ;0;6",
                "E00004;UEF11;5.72;8.38;AJ;AJ;0;6");
        assertThat(Files.readAllLines(dir.resolve("results.csv"))).hasSize(1 + 23) // 12 matières, 8 UEs, 2 semesters, the year
                .allMatch(l -> l.startsWith("E00004;") || l.startsWith("student_id;"));
        // The initial deliberation is untouched, and both versions stay in the database.
        assertThat(Files.readAllBytes(first.resolve("decisions.csv"))).isEqualTo(firstDecisions);
        List<String> versions = jdbc.queryForList("SELECT d.decision FROM delib_decision d JOIN delib_run r "
                + "ON r.run_id = d.run_id WHERE r.job = 'recours' AND d.student_id = 'E00004' ORDER BY d.run_id",
                String.class);
        assertThat(versions).containsExactly("RED", "RED");
    }
}
