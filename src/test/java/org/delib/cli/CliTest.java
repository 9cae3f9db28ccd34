package org.delib.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.delib.deliberation.JobHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line in-process, as an administrator uses it (FORMATS: Job definitions and the command line): exit 0
 * when done, 1 with a one-line reason when the run failed, 2 for a usage error. The embedded database, the logs and
 * the job locks live in a temporary {@code delib.data} folder. Each command that reaches the database starts a Spring
 * context (about 2 s), so the commands are few.
 */
class CliTest {

    @TempDir
    static Path data;

    private static String previousDataDir;

    @BeforeAll
    static void useTemporaryDataDir() {
        previousDataDir = System.setProperty("delib.data", data.toString());
    }

    @AfterAll
    static void restoreDataDir() {
        if (previousDataDir == null) {
            System.clearProperty("delib.data");
        } else {
            System.setProperty("delib.data", previousDataDir);
        }
    }

    /** What a command printed and returned. */
    record Result(int exitCode, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private static Result delib(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static String dbUrl() {
        return "jdbc:h2:file:" + data.resolve("db");
    }

    private static Path jobFile(String name, String... lines) throws IOException {
        Path file = data.resolve("jobs").resolve(name + ".yml");
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
        return file;
    }

    private static void assertNoStackTrace(Result r) {
        assertThat(r.out + r.err).as(r.toString()).doesNotContain("\tat ", "Exception", "Caused by");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = delib("run", "--bogus", "jobs/demo-session1.yml");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Usage: delib run");
        assertNoStackTrace(r);
    }

    @Test
    void missingJobFileIsAUsageError() {
        Result r = delib("run");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'JOBFILE'").contains("Usage: delib run");
        assertNoStackTrace(r);
    }

    @Test
    void typoInTheJobFileIsOneLineNamingTheKey() throws IOException {
        Path job = jobFile("typo", "programme: LIC-INFO", "academic_yaer: 2025-2026", "session: 1",
                "input: " + JobHarness.DEMO.toAbsolutePath());
        Result r = delib("run", job.toString(), "--db-url", dbUrl());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).singleElement().asString()
                .startsWith("error: typo.yml: ").contains("academic_yaer");
        assertNoStackTrace(r);
    }

    @Test
    void inconsistentProgrammeFailsWithItsReasonOnOneLine() throws IOException {
        Path input = data.resolve("bad-programme-input");
        Files.createDirectories(input);
        for (String f : List.of("students.csv", "marks.csv")) {
            Files.copy(JobHarness.DEMO.resolve(f), input.resolve(f));
        }
        // S1 of the demo programme with ANA1 at 4 credits instead of 6: 28 credits.
        String programme = Files.readString(JobHarness.DEMO.resolve("programme.yaml"));
        String ana1 = "code: ANA1, title: Analyse 1,      coefficient: 2, credits: 6,";
        assertThat(programme).contains(ana1);
        Files.writeString(input.resolve("programme.yaml"), programme.replace(ana1, ana1.replace("6,", "4,")));
        Path job = jobFile("bad-programme", "programme: LIC-INFO", "academic_year: 2025-2026", "session: 1",
                "input: " + input);
        Path output = data.resolve("bad-programme-output");

        Result r = delib("run", job.toString(), "--output", output.toString(), "--db-url", dbUrl());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).singleElement().asString()
                .startsWith("FAILED run #")
                .contains("at check-programme: ")
                .contains("programme.yaml: inconsistent programme: semester S1 has 28 credits, not 30")
                .contains("Correct the input");
        assertNoStackTrace(r);
        // Nothing was read, and rejects.csv is still published (empty but for its header).
        assertThat(output.resolve("LIC-INFO/2025-2026/session-1/rejects.csv")).hasContent("file;line;column;value;reason");
    }

    @Test
    void runThenRunAgainThenStatusThenRestart() throws IOException {
        Path job = jobFile("demo", "programme: LIC-INFO", "academic_year: 2025-2026", "session: 1",
                "input: " + JobHarness.DEMO.toAbsolutePath(), "output: ignored-because-of-the-option");
        Path output = data.resolve("out");
        Path published = output.resolve("LIC-INFO/2025-2026/session-1");

        Result run = delib("run", job.toString(), "--output", output.toString(), "--db-url", dbUrl());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString())
                .contains("Completed run #")
                .contains("outputs in " + published)
                .contains("students.csv: 300 rows read = 300 accepted + 0 rejected")
                .contains("marks.csv: 4600 rows read = 4600 accepted + 0 rejected")
                .contains("attendance.csv: 342 rows read = 342 accepted + 0 rejected")
                .contains("sanctions.csv: 3 rows read = 3 accepted + 0 rejected")
                .contains("decisions: ");
        assertThat(run.err()).isEmpty();
        JobHarness.assertSameFiles(JobHarness.EXPECTED_DEMO_SESSION_1, published);

        Result again = delib("run", job.toString(), "--output", output.toString(), "--db-url", dbUrl());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out().lines().toList()).as(again.toString()).singleElement().asString()
                .startsWith("Already complete: run #").contains(published.toString());

        Result status = delib("status", job.toString(), "--db-url", dbUrl());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        List<String> lines = status.out().lines().toList();
        assertThat(lines).as(status.toString()).hasSize(1 + 26);
        assertThat(lines.get(0)).startsWith("demo  run #").contains("COMPLETED")
                .contains("LIC-INFO 2025-2026").contains("session 1");
        List<String> steps = List.of("check-programme", "import-students", "import-marks", "import-attendance",
                "import-sanctions", "import-jury", "import-history", "import-wishes", "import-pfe", "cross-checks",
                "check-rejects", "deliberate", "  partition0", "  partition1", "  partition2", "  partition3",
                "  partition4", "  partition5", "  partition6", "  partition7", "merge-parts", "check-all-rejects", "ranking", "documents", "publish", "drop-staged");
        for (int i = 0; i < steps.size(); i++) {
            assertThat(lines.get(1 + i)).as(status.toString()).matches("\\s+" + steps.get(i) + "\\s+COMPLETED\\s+read .*");
        }
        assertThat(lines.get(1 + steps.indexOf("import-marks"))).contains("read 4600, written 4600");

        Result restart = delib("restart", job.toString(), "--db-url", dbUrl());
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertThat(restart.out()).as(restart.toString()).contains("nothing to restart").contains(published.toString());
        assertNoStackTrace(restart);
    }
}
