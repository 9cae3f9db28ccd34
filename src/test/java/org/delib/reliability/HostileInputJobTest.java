package org.delib.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.delib.DelibApplication;
import org.delib.cli.JobRunner;
import org.delib.deliberation.JobHarness;
import org.delib.importing.InputFile;
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
 * Issue #7, item 4, through the whole job: the nastiest mutants of {@link ImportFuzzTest} (among the mutants of
 * the whole demo file, those with the most rejects that the run still reads), and hand-made hostile workbooks, run
 * by the deliberation job on H2 in memory. The summary accounts for every row of every file (read = accepted +
 * rejected, and as many rows read as the import layer alone reads), rejects.csv has exactly the rows rejected,
 * each with a readable reason, every accepted student is decided, and the console shows no stack trace. A run the
 * input makes impossible fails with one line saying to correct the input, and publishes rejects.csv.
 */
@SpringBootTest(classes = DelibApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:badinput;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class HostileInputJobTest {

    static final long SEED = ImportFuzzTest.SEED;
    static final int CANDIDATES = 150;
    private static final Pattern SUMMARY = JobHarness.SUMMARY;

    @Autowired
    JobRunner runner;

    @TempDir
    Path tmp;

    /** A case: its name, and the file put in place of the demo's. */
    record Case(String name, String fileName, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws Exception {
        ImportFuzz fuzz = new ImportFuzz();
        Path dir = Files.createTempDirectory("delib-nastiest");
        List<Case> cases = new ArrayList<>();
        for (InputFile file : List.of(InputFile.STUDENTS, InputFile.MARKS, InputFile.ATTENDANCE, InputFile.SANCTIONS)) {
            List<String> good = fuzz.good(file);
            Case nastiest = null;
            long most = -1;
            // Students rejected make their marks rejected too: fewer of them, or the reject limit fails the run.
            long limit = file == InputFile.STUDENTS ? 25 : 300;
            for (int i = 0; i < CANDIDATES; i++) {
                long seed = SEED * 7_919L + file.ordinal() * 10_000L + i;
                CsvMutant.Result mutant = CsvMutant.of(good, seed, true);
                Path path = dir.resolve(file.baseName() + ".csv");
                Files.write(path, mutant.bytes());
                ImportFuzz.Outcome o = fuzz.run(file, path);
                // The most kinds of reject (then the most rejects), under the reject limit so that the run completes.
                long kinds = o.rejects.stream().map(r -> r.reason().replaceAll("\\d+", "N")).distinct().count();
                long score = kinds * 10_000 + o.rejected;
                if (o.inputFailure == null && score > most && o.rejected < limit) {
                    most = score;
                    nastiest = new Case(file.baseName() + " mutant " + i + " (" + o.rejected + " of " + o.read
                            + " rows rejected, " + kinds + " kinds of reason: " + mutant.description() + ")",
                            file.baseName() + ".csv", mutant.bytes());
                }
            }
            cases.add(nastiest);
        }
        cases.add(new Case("marks.xlsx with formulas, merged cells, dates, numbers as text, errors", "marks.xlsx",
                hostileMarksWorkbook()));
        byte[] workbook = hostileMarksWorkbook();
        cases.add(new Case("marks.xlsx truncated (a broken upload)", "marks.xlsx",
                java.util.Arrays.copyOf(workbook, workbook.length * 2 / 3)));
        // A truncated upload that the workbook reader opens but finds no sheet in (as ImportFuzzTest finds): the
        // first length, cutting a small attendance workbook, on which reading escapes with an exception.
        byte[] small = XlsxMutant.of(fuzz.good(InputFile.ATTENDANCE).subList(0, 6), 1).bytes();
        Path truncated = dir.resolve("attendance.xlsx");
        for (int length = small.length / 3; length < small.length; length += 8) {
            Files.write(truncated, java.util.Arrays.copyOf(small, length));
            try {
                fuzz.run(InputFile.ATTENDANCE, truncated);
            } catch (Exception e) {
                cases.add(new Case("attendance.xlsx truncated at byte " + length + " of " + small.length + " ("
                        + ImportFuzz.trace(e).replaceFirst(".*caused by ", "") + ")", "attendance.xlsx",
                        java.util.Arrays.copyOf(small, length)));
                break;
            }
        }
        cases.add(new Case("students.csv saved in UTF-16 by a spreadsheet", "students.csv",
                Files.readString(JobHarness.DEMO.resolve("students.csv")).getBytes(StandardCharsets.UTF_16LE)));
        KillReference.delete(dir);
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theJobAccountsForEveryRow(Case c, CapturedOutput console) throws Exception {
        Path input = tmp.resolve("input");
        Files.createDirectories(input);
        try (Stream<Path> demo = Files.list(JobHarness.DEMO)) {
            for (Path f : (Iterable<Path>) demo::iterator) {
                String base = f.getFileName().toString().replaceFirst("\\.\\w+$", "");
                if (!base.equals(c.fileName().replaceFirst("\\.\\w+$", ""))) {
                    Files.copy(f, input.resolve(f.getFileName()));
                }
            }
        }
        Files.write(input.resolve(c.fileName()), c.bytes());
        InputFile file = InputFile.valueOf(c.fileName().replaceFirst("\\.\\w+$", "").toUpperCase());
        ImportFuzz.Outcome direct;
        try {
            direct = new ImportFuzz().run(file, input.resolve(c.fileName()));
        } catch (Exception e) { // what ImportFuzzTest reports as ESCAPED: the job must still fail cleanly
            direct = new ImportFuzz.Outcome();
            direct.inputFailure = ImportFuzz.trace(e);
        }
        Path output = tmp.resolve("output");

        JobRunner.Outcome outcome = new JobHarness(runner).run("hostile-" + Math.abs(c.name().hashCode()),
                JobHarness.job(input, output, 1));

        String said = c.name() + ":\n" + String.join("\n", outcome.lines());
        // Whatever happened, the console shows no stack trace (checked before this test prints anything).
        assertThat(console.getAll()).as(said).doesNotContain("\tat ", "Exception");
        System.out.println("HostileInputJobTest " + said.lines().limit(8).toList());
        Path published = JobHarness.sessionDir(output, 1);
        if (direct.inputFailure != null || outcome.exitCode() != 0) {
            // A file that cannot be read at all fails the run, on one line that says to correct the input.
            assertThat(outcome.exitCode()).as(said).isEqualTo(1);
            assertThat(outcome.lines()).as(said).singleElement().asString().startsWith("FAILED run #")
                    .contains("Correct the input").doesNotContain("Exception");
            assertThat(JobHarness.names(published)).as(said).containsExactly("rejects.csv");
            return;
        }
        Map<String, long[]> summary = new HashMap<>();
        for (String line : outcome.lines()) {
            Matcher m = SUMMARY.matcher(line.strip());
            if (m.matches()) {
                long read = Long.parseLong(m.group(2));
                long accepted = Long.parseLong(m.group(3));
                long rejected = Long.parseLong(m.group(4));
                assertThat(read).as(line).isEqualTo(accepted + rejected);
                summary.put(m.group(1), new long[] {read, accepted, rejected});
            }
        }
        long[] mutated = summary.get(c.fileName());
        assertThat(mutated).as(said).isNotNull();
        // The job reads the rows the import layer reads; the cross-checks may reject more (duplicate keys).
        assertThat(mutated[0]).as(said).isEqualTo(direct.read);
        assertThat(mutated[2]).as(said).isGreaterThanOrEqualTo(direct.rejected);

        List<CSVRecord> rejects = records(published.resolve("rejects.csv"));
        long rejectedInAll = summary.values().stream().mapToLong(s -> s[2]).sum();
        assertThat(rejects).as("rejects.csv has a row per rejected row: %s", said).hasSize((int) rejectedInAll);
        for (CSVRecord r : rejects) {
            assertThat(summary).as("rejects.csv names a file of the run: %s", r).containsKey(r.get("file"));
            assertThat(Long.parseLong(r.get("line"))).as(r.toString()).isGreaterThanOrEqualTo(2);
            assertThat(ImportFuzz.contract(r.get("reason"), "reason")).as(r.toString()).isNull();
        }
        // Every accepted student is decided, once.
        List<CSVRecord> decisions = records(published.resolve("decisions.csv"));
        assertThat(decisions).as(said).hasSize((int) summary.get(
                summary.containsKey("students.csv") ? "students.csv" : "students.xlsx")[1]);
        assertThat(decisions.stream().map(r -> r.get("student_id")).distinct().count()).isEqualTo(decisions.size());
    }

    static List<CSVRecord> records(Path csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().get()
                .parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8))).getRecords();
    }

    /**
     * The demo's marks as a registry's workbook at its worst: numbers as numbers and as text with a decimal comma,
     * formulas (cached values), merged cells, dates in mark and session cells, error cells, booleans, a value
     * beyond the header, blank and hidden rows, a student id merged over two rows.
     */
    static byte[] hostileMarksWorkbook() throws IOException {
        List<String> lines = Files.readAllLines(JobHarness.DEMO.resolve("marks.csv"));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Notes S1-S2");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            int r = 0;
            for (int i = 0; i < lines.size(); i++, r++) {
                String[] cells = lines.get(i).split(";", -1);
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    String v = cells[c];
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (i > 0 && c >= 3 && v.matches("\\d+(,\\d+)?")) {
                        switch (i % 5) {
                            case 0 -> row.createCell(c).setCellValue(Double.parseDouble(v.replace(',', '.')));
                            case 1 -> row.createCell(c).setCellFormula("ROUND(" + v.replace(',', '.') + ",2)");
                            case 2 -> row.createCell(c).setCellFormula("(" + v.replace(',', '.') + "*2)/2");
                            default -> row.createCell(c).setCellValue(v);
                        }
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
                if (i > 0 && i % 97 == 0) {
                    row.createCell(3).setCellValue(LocalDate.of(2026, 1, 15)); // a date in the exam column
                    row.getCell(3).setCellStyle(date);
                }
                if (i > 0 && i % 131 == 0) {
                    row.createCell(4).setCellFormula("1/0"); // #DIV/0!
                }
                if (i > 0 && i % 151 == 0) {
                    row.createCell(2).setCellValue(true);
                }
                if (i > 0 && i % 173 == 0) {
                    row.createCell(8).setCellValue("vu");
                }
                if (i > 0 && i % 211 == 0) {
                    row.setZeroHeight(true);
                }
                if (i > 0 && i % 199 == 0 && i + 1 < lines.size()) {
                    // The same student on two rows, the id merged down (only the first row keeps it).
                    sheet.addMergedRegion(new CellRangeAddress(r, r + 1, 0, 0));
                    String[] next = lines.get(i + 1).split(";", -1);
                    r++;
                    i++;
                    Row second = sheet.createRow(r);
                    for (int c = 1; c < next.length; c++) {
                        if (!next[c].isEmpty()) {
                            second.createCell(c).setCellValue(next[c]);
                        }
                    }
                }
                if (i > 0 && i % 251 == 0) {
                    r++; // a blank row
                }
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (OutputStream o = out) {
                wb.write(o);
            }
            return out.toByteArray();
        }
    }
}
