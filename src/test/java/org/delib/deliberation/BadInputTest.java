package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.delib.DelibApplication;
import org.delib.cli.JobRunner;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Bad input gets a clear answer and loses nothing (FORMATS: Inputs; RULES §12.2, §12.3, §12.16, §12.18).
 *
 * <p>Each folder under {@code src/test/resources/bad-input/} is one case: {@code input/} is run through the job,
 * and {@code expected/} says, worked out by hand from the spec, what must come out:
 * <ul>
 * <li>{@code rejects.csv}: the published rejects.csv, byte for byte;</li>
 * <li>{@code summary.txt} for a run that completes: its summary line for every input file
 * ({@code read = accepted + rejected});</li>
 * <li>{@code failure.txt} for a run that fails (exit 1): fragments of its one-line message, one per line.</li>
 * </ul>
 * The reasons are the program's wording; which rows are rejected, and their lines, columns and values, come from
 * the spec.
 */
@SpringBootTest(classes = DelibApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:badinput;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class BadInputTest {

    static final Path CASES = Path.of("src/test/resources/bad-input");
    private static final Pattern SUMMARY = JobHarness.SUMMARY;

    @Autowired
    JobRunner runner;

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput(String name, CapturedOutput console) throws Exception {
        Path dir = CASES.resolve(name);
        Path expected = dir.resolve("expected");
        Path input = copy(dir.resolve("input"), tmp.resolve("input"));
        if (name.equals("xlsx-marks")) {
            writeMarksXlsx(input.resolve("marks.xlsx"));
        }
        Path output = tmp.resolve("output");

        JobRunner.Outcome outcome = new JobHarness(runner).run("bad-input-" + name, JobHarness.job(input, output, 1));

        String said = name + ": " + String.join("\n", outcome.lines());
        Path published = JobHarness.sessionDir(output, 1);
        if (Files.exists(expected.resolve("failure.txt"))) {
            assertThat(outcome.exitCode()).as(said).isEqualTo(1);
            // One line, saying what is wrong and that the input must be corrected (not "restart"): no stack trace.
            assertThat(outcome.lines()).as(said).hasSize(1);
            String message = outcome.lines().get(0);
            assertThat(message).startsWith("FAILED run #").contains("Correct the input")
                    .doesNotContain("\n", "\r", "Exception", "\tat ");
            for (String fragment : Files.readAllLines(expected.resolve("failure.txt"))) {
                assertThat(message).as(name).contains(fragment);
            }
            // Published whole or not at all: a failed run publishes its rejects.csv and nothing else.
            assertThat(JobHarness.names(published)).containsExactly("rejects.csv");
        } else {
            assertThat(outcome.exitCode()).as(said).isZero();
            List<String> summary = outcome.lines().stream().map(String::strip)
                    .filter(l -> SUMMARY.matcher(l).matches()).toList();
            for (String line : summary) {
                Matcher m = SUMMARY.matcher(line);
                assertThat(m.matches()).isTrue();
                assertThat(Long.parseLong(m.group(2))).as(line)
                        .isEqualTo(Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)));
            }
            assertThat(summary).as(said).containsExactlyElementsOf(Files.readAllLines(expected.resolve("summary.txt")));
            // The console is captured (so the stack trace check below means something): it shows the summary.
            assertThat(console.getOut()).contains(summary);
        }
        Path rejects = published.resolve("rejects.csv");
        assertThat(rejects).as(said).exists();
        // As text first, for a readable difference; then byte for byte (encoding, line ends, no BOM).
        assertThat(Files.readString(rejects)).as(name).isEqualTo(Files.readString(expected.resolve("rejects.csv")));
        assertThat(Files.mismatch(rejects, expected.resolve("rejects.csv"))).as(name).isEqualTo(-1L);
        // Whatever happened, the console shows no stack trace.
        assertThat(console.getAll()).as(name).doesNotContain("\tat ", "Exception:");
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    /**
     * The marks of case {@code xlsx-marks} as a registry's workbook: numbers as numeric cells and as text (with a
     * decimal comma), a formula, a blank row, a value beyond the header. Sheet row n is line n in rejects.csv.
     */
    private static void writeMarksXlsx(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Notes");
            row(sheet, 1, "student_id", "matiere", "session", "exam", "cc", "tp");
            row(sheet, 2, "E001", "ANA1", 1, 12.5, 10, null);                  // accepted
            row(sheet, 3, "E001", "ALGO1", "1", "12,5", 10, 10);               // accepted: text with a decimal comma
            row(sheet, 4, "E002", "ANA1", 1, 21, 10, null);                    // exam 21
            sheet.createRow(4).createCell(2);                                  // row 5: blank (a formatted cell)
            row(sheet, 6, "E002", "ALGO1", 1, "abc", 10, 10);                  // exam abc
            row(sheet, 7, "E999", "ANA1", 1, 12, 10, null);                    // unknown student
            row(sheet, 8, "E003", "ANA1", 1, 12, 10, 15);                      // ANA1 has no TP
            row(sheet, 9, "E003", "ALGO1", 1, 8, 9, 10, "extra");              // a value in column G
            row(sheet, 10, "E003", "ARCH1", 1, null, 10, null);                // accepted: exam is a formula, 13
            Cell formula = sheet.getRow(9).createCell(3);
            formula.setCellFormula("AVERAGE(12,14)");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(formula);
            row(sheet, 11, "E002", "PROG1", "1", "13,5", "ABJ", "ABI");        // accepted
            row(sheet, 12, "E001", "ANA2", 1, 1e3, 10, null);                  // exam 1000
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /** Sheet row {@code n} (1-based): strings as text cells, numbers as numeric cells, null as no cell. */
    private static void row(Sheet sheet, int n, Object... values) {
        Row row = sheet.createRow(n - 1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
    }
}
