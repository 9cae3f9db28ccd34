package org.delib.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.delib.importing.InputFile;
import org.delib.importing.Reject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #7, item 4: hostile and broken inputs, generated. For each input format, {@value #CSV_MUTANTS} CSV files
 * and {@value #XLSX_MUTANTS} workbooks mutated from the demo cohort's with a seeded random ({@link CsvMutant},
 * {@link XlsxMutant}) go through the import layer as the import steps use it ({@link ImportFuzz}). The rules
 * ({@link Rule}) checked for every file:
 * <ul>
 * <li>it is read within {@link #PER_FILE} (no hang) and nothing escapes but the documented InputException for a
 * file that cannot be read at all (missing column, empty file);</li>
 * <li>every row is accounted for: read = accepted + rejected, and the reader's own count (the run's summary) agrees;
 * for a CSV without quotes, the rows handed out are exactly its non-blank lines after the header, by line number;
 * for a workbook, exactly its non-blank rows after the header;</li>
 * <li>a mutant that should read cleanly (columns reordered, extra column, spaces, CRLF, BOM...) has no reject;</li>
 * <li>every reject's reason, and the InputException's message, is one line that names no Java class or exception;
 * and (a test of its own) has no invisible or control character.</li>
 * </ul>
 * The seed is printed; {@code -Ddelib.fuzz.seed=S} replays a run. A failing mutant is kept under
 * {@code target/fuzz-failures/}, named by format and index.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportFuzzTest {

    static final int CSV_MUTANTS = 1000;
    static final int XLSX_MUTANTS = 60;
    static final long SEED = Long.getLong("delib.fuzz.seed", 20_260_707L);
    static final Duration PER_FILE = Duration.ofSeconds(10);

    /** What a file must satisfy. */
    enum Rule {
        ESCAPED("an exception other than InputException escaped, or the file took too long"),
        ACCOUNTING("read != accepted + rejected, or the reader's count differs"),
        LOST_ROW("rows handed out are not the file's non-blank records"),
        CLEAN_REJECTED("a mutant that should read cleanly has rejects"),
        REASON("a reject's reason is empty, not one line, names Java internals, or its column/line is wrong"),
        FAILURE_MESSAGE("the InputException's message is not one line, names Java internals, or not the file"),
        READABILITY("a reason or message holds a control, invisible or replacement character, or is over 500 "
                + "characters long");

        final String meaning;

        Rule(String meaning) {
            this.meaning = meaning;
        }
    }

    static ImportFuzz fuzz;
    /** Removed by JUnit afterwards: each run writes a few dozen mutant files. */
    @TempDir
    static Path tmp;
    /** Per format and kind ("MARKS csv"): the rules broken, with examples. */
    static final Map<String, Map<Rule, List<String>>> RESULTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void load() throws Exception {
        fuzz = new ImportFuzz();
        System.out.println("ImportFuzzTest: seed " + SEED + " (replay with -Ddelib.fuzz.seed=" + SEED + ")");
    }

    static long seed(InputFile file, int i, boolean xlsx) {
        return SEED * 1_000_003L + file.ordinal() * 100_000L + (xlsx ? 50_000L : 0) + i;
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(InputFile.class)
    @Timeout(120)
    void csvMutants(InputFile file) throws Exception {
        assertRules(file + " csv", results(file, false), EnumSet.complementOf(EnumSet.of(Rule.READABILITY)));
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = InputFile.class, names = {"STUDENTS", "MARKS", "ATTENDANCE", "SANCTIONS"})
    @Timeout(120)
    void xlsxMutants(InputFile file) throws Exception {
        assertRules(file + " xlsx", results(file, true), EnumSet.complementOf(EnumSet.of(Rule.READABILITY)));
    }

    /**
     * An administrator reads rejects.csv and the failure line: nothing invisible or unprintable in them (a header
     * saved in UTF-16, or with a second BOM, is echoed as is: "missing column student_id (header: student_id, ...)"
     * with an invisible U+FEFF), nor a whole 20,000-character header cell.
     */
    @Order(3)
    @Test
    @Timeout(300)
    void reasonsAndMessagesArePrintable() throws Exception {
        Map<Rule, List<String>> all = new EnumMap<>(Rule.class);
        for (InputFile file : InputFile.values()) {
            for (boolean xlsx : new boolean[] {false, true}) {
                if (xlsx && EnumSet.of(InputFile.JURY, InputFile.HISTORY).contains(file)) {
                    continue;
                }
                results(file, xlsx).forEach((rule, examples) -> all.computeIfAbsent(rule, r -> new ArrayList<>())
                        .addAll(examples));
            }
        }
        assertRules("all formats", all, EnumSet.of(Rule.READABILITY));
    }

    private static void assertRules(String what, Map<Rule, List<String>> broken, Set<Rule> rules) {
        StringBuilder report = new StringBuilder();
        broken.forEach((rule, examples) -> {
            if (rules.contains(rule)) {
                report.append(String.format("%n%s (%s): %d files, e.g.%n", rule, rule.meaning, examples.size()));
                // Examples of different kinds first: problems that differ once numbers and file names are set aside.
                Map<String, String> kinds = new java.util.LinkedHashMap<>();
                for (String e : examples) {
                    String problem = e.substring(e.indexOf("): ") + 3);
                    kinds.putIfAbsent(problem.replaceAll("\\\\u[0-9a-f]{4}|\\d+|\\w+\\.(csv|xlsx)", "")
                            .replaceAll("(header: |not |is ).*", "$1"), e);
                }
                kinds.values().stream().limit(8).forEach(e -> report.append("  ").append(e).append('\n'));
            }
        });
        assertThat(report.toString()).as("%s mutants (seed %d) break rules; failing files are kept in %s", what,
                SEED, ImportFuzz.FAILURES.toAbsolutePath()).isEmpty();
    }

    private static Map<Rule, List<String>> results(InputFile file, boolean xlsx) throws IOException {
        String key = file + (xlsx ? " xlsx" : " csv");
        Map<Rule, List<String>> done = RESULTS.get(key);
        if (done != null) {
            return done;
        }
        List<String> good = fuzz.good(file);
        Stats stats = new Stats();
        Path path = tmp.resolve(file.baseName() + (xlsx ? ".xlsx" : ".csv"));
        int count = xlsx ? XLSX_MUTANTS : CSV_MUTANTS;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long seed = seed(file, i, xlsx);
            byte[] bytes;
            String description;
            List<Long> lines = null;
            boolean clean = false;
            int rows = -1;
            if (xlsx) {
                XlsxMutant.Result mutant = XlsxMutant.of(good, seed);
                bytes = mutant.bytes();
                description = mutant.description();
                rows = mutant.expectedRows();
            } else {
                CsvMutant.Result mutant = CsvMutant.of(good, seed);
                bytes = mutant.bytes();
                description = mutant.description();
                lines = ImportFuzz.dataLines(bytes);
                clean = mutant.clean();
            }
            Files.write(path, bytes);
            Map<Rule, String> broken = check(file, path, clean, lines, rows, stats);
            if (!broken.isEmpty()) {
                String id = file.baseName() + "-" + i + (xlsx ? ".xlsx" : ".csv");
                ImportFuzz.keep(id, bytes);
                broken.forEach((rule, problem) -> stats.broken.computeIfAbsent(rule, r -> new ArrayList<>())
                        .add(id + " (seed " + seed + "; " + description + "): " + problem));
            }
        }
        stats.report(key, (System.nanoTime() - start) / 1e9);
        RESULTS.put(key, stats.broken);
        return stats.broken;
    }

    /** Reads one file under a time limit and checks every rule: the rules broken, each with its first problem. */
    private static Map<Rule, String> check(InputFile file, Path path, boolean clean, List<Long> expectedLines,
                                           int expectedRows, Stats stats) {
        Map<Rule, String> broken = new EnumMap<>(Rule.class);
        ImportFuzz.Outcome o;
        try {
            o = assertTimeoutPreemptively(PER_FILE, () -> fuzz.run(file, path),
                    () -> "reading " + path.getFileName() + " took more than " + PER_FILE);
        } catch (Throwable t) {
            broken.put(Rule.ESCAPED, t instanceof AssertionError ? t.getMessage() : ImportFuzz.trace(t));
            return broken;
        }
        stats.add(o);
        stats.oracle += expectedLines != null || expectedRows >= 0 ? 1 : 0;
        stats.clean += clean ? 1 : 0;
        if (o.inputFailure != null) {
            String wrong = ImportFuzz.contract(o.inputFailure, "the failure message");
            if (wrong == null && !o.inputFailure.startsWith(path.getFileName().toString())) {
                wrong = "the failure message does not name the file: " + CsvMutant.abbreviate2(o.inputFailure);
            }
            if (wrong != null) {
                broken.put(Rule.FAILURE_MESSAGE, wrong);
            }
            String illegible = ImportFuzz.legibility(o.inputFailure, "the failure message");
            if (illegible != null) {
                broken.put(Rule.READABILITY, illegible);
            }
            return broken;
        }
        if (o.read != o.accepted + o.rejected || o.countedByReader != o.read) {
            broken.put(Rule.ACCOUNTING, o.read + " rows handed out = " + o.accepted + " accepted + " + o.rejected
                    + " rejected; the reader counted " + o.countedByReader);
        }
        for (Reject r : o.rejects) {
            String problem = ImportFuzz.problemOf(file, r);
            if (problem != null) {
                broken.putIfAbsent(Rule.REASON, "reject of line " + r.line() + ": " + problem);
            }
            String illegible = ImportFuzz.legibility(r.reason(), "reason");
            if (illegible != null) {
                broken.putIfAbsent(Rule.READABILITY, "reject of line " + r.line() + " column " + r.column() + ": "
                        + illegible);
            }
        }
        if (expectedLines != null && !expectedLines.equals(o.lines)) {
            List<Long> lost = new ArrayList<>(expectedLines);
            lost.removeAll(o.lines);
            List<Long> extra = new ArrayList<>(o.lines);
            extra.removeAll(expectedLines);
            broken.put(Rule.LOST_ROW, o.read + " rows handed out for " + expectedLines.size() + " non-blank lines;"
                    + " lines not accounted for: " + abbreviate(lost) + ", lines reported that start no record: "
                    + abbreviate(extra));
        }
        if (expectedRows >= 0 && o.read != expectedRows) {
            broken.put(Rule.LOST_ROW, o.read + " rows handed out, but the sheet has " + expectedRows
                    + " non-blank rows after the header");
        }
        if (clean && o.rejected > 0) {
            Reject r = o.rejects.get(0);
            broken.put(Rule.CLEAN_REJECTED, o.rejected + " rows rejected, first line " + r.line() + " column "
                    + r.column() + ": " + r.reason());
        }
        return broken;
    }

    private static String abbreviate(List<Long> lines) {
        return lines.size() > 10 ? lines.subList(0, 10) + "... (" + lines.size() + ")" : lines.toString();
    }

    /** What a format's mutants gave, printed for whoever reads the test's output. */
    static final class Stats {
        final Map<Rule, List<String>> broken = new EnumMap<>(Rule.class);
        final Map<String, Integer> reasons = new TreeMap<>();
        final Map<String, Integer> inputFailures = new TreeMap<>();
        long files;
        long oracle;
        long clean;
        long read;
        long accepted;
        long rejected;

        void add(ImportFuzz.Outcome o) {
            files++;
            read += o.read;
            accepted += o.accepted;
            rejected += o.rejected;
            if (o.inputFailure != null) {
                inputFailures.merge(o.inputFailure.replaceAll("\\(.*", "(...)"), 1, Integer::sum);
            }
            // Reasons with ids and numbers folded, to see the kinds of reasons.
            o.rejects.forEach(r -> reasons.merge(r.reason().replaceAll("E\\d{5}", "E#").replaceAll("\\d+", "N"),
                    1, Integer::sum));
        }

        void report(String what, double seconds) {
            System.out.printf("%s: %d files in %.1f s, %d rows read = %d accepted + %d rejected; %d files unreadable"
                    + " as a whole; rows checked line by line in %d files; %d should read cleanly; rules broken: %s%n", what,
                    files, seconds, read, accepted, rejected, inputFailures.values().stream().mapToInt(Integer::intValue).sum(),
                    oracle, clean,
                    broken.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue().size()).toList());
            if (Boolean.getBoolean("delib.fuzz.verbose")) {
                inputFailures.forEach((m, n) -> System.out.printf("    failure x%d: %s%n", n, CsvMutant.abbreviate2(m)));
                reasons.forEach((m, n) -> System.out.printf("    reject x%d: %s%n", n, CsvMutant.abbreviate2(m)));
            }
        }
    }
}
