package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.delib.DelibApplication;
import org.delib.cli.JobDefinition;
import org.delib.cli.JobRunner;
import org.delib.importing.InputException;
import org.delib.reports.ExportProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** A registrar's import format chosen by the job definition: bytes checked against files written by hand. */
@SpringBootTest(classes = DelibApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:export;DB_CLOSE_DELAY=-1")
class ExportProfileTest {

    static final Path EXPECTED = Path.of("src/test/resources/expected/export-sis-fr");

    @Autowired
    JobRunner runner;

    @TempDir
    Path output;

    @Test
    void theSisFrProfileWritesTabsDecimalCommasLatin1CrlfAndItsOwnNames() throws Exception {
        JobDefinition job = new JobDefinition("LIC-INFO", "2025-2026", 1, JobHarness.DEMO.toString(),
                output.toString(), null, null, "sis-fr", null, null);
        JobRunner.Outcome outcome = new JobHarness(runner).run("sis", job);
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.lines())).isZero();
        Path dir = JobHarness.sessionDir(output, 1);
        byte[] decisions = Files.readAllBytes(dir.resolve("decisions.csv"));
        assertStartsWith(decisions, Files.readAllBytes(EXPECTED.resolve("decisions.head")));
        assertContains(decisions, Files.readAllBytes(EXPECTED.resolve("decisions.cmp")));
        assertStartsWith(Files.readAllBytes(dir.resolve("results.csv")), Files.readAllBytes(EXPECTED.resolve("results.head")));
        // Same students, same order, as the contract's format.
        assertThat(Files.readAllLines(dir.resolve("decisions.csv"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .hasSameSizeAs(Files.readAllLines(JobHarness.EXPECTED_DEMO_SESSION_1.resolve("decisions.csv")));
    }

    @Test
    void aBadExportProfileFailsWithItsReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "separator: \",\"\ndecimal_mark: \",\"\n");
        assertThatThrownBy(() -> ExportProfile.load(file.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("separator must be one character");
        assertThatThrownBy(() -> ExportProfile.load("nonesuch")).isInstanceOf(InputException.class)
                .hasMessageContaining("not found");
        Files.writeString(file, "separatr: \";\"\n");
        assertThatThrownBy(() -> ExportProfile.load(file.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("separatr");
    }

    private static void assertStartsWith(byte[] actual, byte[] prefix) {
        assertThat(Arrays.copyOf(actual, Math.min(actual.length, prefix.length))).isEqualTo(prefix);
    }

    private static void assertContains(byte[] actual, byte[] part) {
        assertThat(new String(actual, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(new String(part, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
