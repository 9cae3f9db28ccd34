package org.delib.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.delib.generate.CohortGenerator;

/**
 * A generated cohort big enough for kills to land inside its steps, and what an uninterrupted run of it publishes
 * on a fresh embedded database: made once per test JVM, shared by the kill tests.
 */
final class KillReference {

    static final int STUDENTS = Integer.getInteger("delib.kill.students", 1500);
    static final long COHORT_SEED = 11;
    static final String SESSION_DIR = "LIC-INFO/2025-2026/session-1";

    private static KillReference instance;

    final Path root;
    final Path cohort;
    /**
     * The uninterrupted run's session-1 folder, by path inside it: the bytes of each file, CSV files and documents
     * (PV, transcripts) alike: identical inputs give identical bytes.
     */
    final Map<String, byte[]> files;
    final double seconds;

    private KillReference(Path root, Path cohort, Map<String, byte[]> files, double seconds) {
        this.root = root;
        this.cohort = cohort;
        this.files = files;
        this.seconds = seconds;
    }

    private static Path cohortDir;
    private static java.util.concurrent.CompletableFuture<KillReference> future;

    /** Data rows of the cohort's marks.csv. */
    static long markRows() throws IOException {
        try (Stream<String> lines = Files.lines(cohort().resolve("marks.csv"))) {
            return lines.count() - 1;
        }
    }

    /** The generated cohort, written on first use. */
    static synchronized Path cohort() throws IOException {
        if (cohortDir == null) {
            Path root = Files.createTempDirectory("delib-kill-reference");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            Path cohort = root.resolve("cohort");
            CohortGenerator.write(cohort, new CohortGenerator.Options(STUDENTS, COHORT_SEED, "2025-2026"));
            cohortDir = cohort;
        }
        return cohortDir;
    }

    /**
     * Starts the uninterrupted run of the cohort in the background (on the other core, while a test kills its own
     * run), once per JVM.
     */
    static synchronized java.util.concurrent.CompletableFuture<KillReference> start() throws IOException {
        if (future == null) {
            Path cohort = cohort();
            Path root = cohort.getParent();
            future = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return run(root, cohort);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
        }
        return future;
    }

    static KillReference get() throws Exception {
        try {
            return start().get(300, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static KillReference run(Path root, Path cohort) throws Exception {
        Path out = root.resolve("out");
        Path job = ForkedDelib.jobFile(root.resolve("jobs"), "reference", cohort, out);
        ForkedDelib.Launch run = ForkedDelib.start(root, root.resolve("data"), "run", job.toString(),
                "--output", out.toString());
        int code = run.waitFor(240);
        assertThat(code).as("the uninterrupted run of the cohort: %s", run.console()).isZero();
        Map<String, byte[]> files = contents(out.resolve(SESSION_DIR));
        assertThat(files).containsKeys("decisions.csv", "results.csv", "rattrapage.csv", "rejects.csv", "pv.pdf");
        KillReference reference = new KillReference(root, cohort, files, run.seconds());
        System.out.printf("KillReference: %d students, uninterrupted run in %.1f s: %s%n", STUDENTS,
                reference.seconds, run.out().lines().filter(l -> l.contains("Completed") || l.contains("decisions:"))
                        .toList());
        return reference;
    }

    /** Every file under {@code dir} by relative path, with its bytes. */
    static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(f).toString();
                files.put(name, Files.readAllBytes(f));
            }
        }
        return files;
    }

    /**
     * Null when a document is whole: a PDF from its header to its end-of-file marker, a workbook a readable zip;
     * else what is wrong.
     */
    static String incomplete(Path file) {
        try {
            String name = file.getFileName().toString();
            if (name.endsWith(".pdf")) {
                byte[] b = Files.readAllBytes(file);
                String head = new String(b, 0, Math.min(5, b.length), java.nio.charset.StandardCharsets.ISO_8859_1);
                String tail = new String(b, Math.max(0, b.length - 32), Math.min(32, b.length),
                        java.nio.charset.StandardCharsets.ISO_8859_1).strip();
                return head.equals("%PDF-") && tail.endsWith("%%EOF") ? null
                        : "a PDF of " + b.length + " bytes without its header or end marker";
            }
            if (name.endsWith(".xlsx")) {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                    return zip.getEntry("[Content_Types].xml") != null ? null : "a zip without [Content_Types].xml";
                }
            }
            return null;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
