package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.delib.cli.Fingerprint;
import org.delib.cli.JobDefinition;
import org.delib.cli.JobRunner;
import org.springframework.batch.core.job.parameters.JobParameters;

/** Runs deliberation jobs as the command line does, and compares what they publish. */
public final class JobHarness {

    public static final Path DEMO = Path.of("input/demo");
    public static final Path EXPECTED_DEMO_SESSION_1 = Path.of("src/test/resources/expected/demo-session1");

    /** A line of a run's summary: file, rows read, accepted, rejected. */
    public static final java.util.regex.Pattern SUMMARY =
            java.util.regex.Pattern.compile("(\\S+): (\\d+) rows read = (\\d+) accepted \\+ (\\d+) rejected");

    private final JobRunner runner;

    public JobHarness(JobRunner runner) {
        this.runner = runner;
    }

    public static JobDefinition job(Path input, Path output, int session) {
        return new JobDefinition("LIC-INFO", "2025-2026", session, input.toString(), output.toString(), null, null,
                null, null, null);
    }

    public static JobParameters parameters(String name, JobDefinition job) {
        return JobRunner.parameters(name, job, Fingerprint.of(job));
    }

    public JobRunner.Outcome run(String name, JobDefinition job) throws Exception {
        return runner.run(name, "restart " + name, parameters(name, job));
    }

    public JobRunner.Outcome restart(String name, JobDefinition job) throws Exception {
        return runner.restart(name, "restart " + name, Fingerprint.of(job));
    }

    public static Path sessionDir(Path output, int session) {
        return output.resolve("LIC-INFO/2025-2026/session-" + session);
    }

    /**
     * Every CSV file of {@code expected} is in {@code actual} with the same bytes, and no other CSV is; the
     * documents (PV, transcripts) are there (the kill tests compare their bytes with an uninterrupted run's).
     */
    public static void assertSameFiles(Path expected, Path actual) throws IOException {
        assertThat(names(actual).stream().filter(n -> n.endsWith(".csv"))).containsExactlyElementsOf(names(expected));
        assertThat(names(actual)).contains("pv.xlsx", "pv.pdf", "releves");
        for (String name : names(expected)) {
            assertThat(Files.mismatch(expected.resolve(name), actual.resolve(name)))
                    .as("%s differs from %s", actual.resolve(name), expected.resolve(name)).isEqualTo(-1L);
        }
    }

    public static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
