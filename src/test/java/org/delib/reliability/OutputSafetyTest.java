package org.delib.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.delib.DelibApplication;
import org.delib.cli.JobDefinition;
import org.delib.cli.JobRunner;
import org.delib.deliberation.JobHarness;
import org.delib.reports.CsvOutput;
import org.delib.reports.ExportProfile;
import org.delib.rules.RulesProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue #7, item 5: output safety. Values a spreadsheet would execute are neutralised in every CSV output, whatever
 * column they come from (names, ids, rejected values); and where a job's outputs may be written.
 */
@SpringBootTest(classes = DelibApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:badinput;DB_CLOSE_DELAY=-1")
class OutputSafetyTest {

    /** What Excel, LibreOffice and Google Sheets run as a formula (OWASP, CSV injection). */
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x\",\"clic\")", "+33612345678",
            "@SUM(A1:A2)", "-2+3+cmd|' /C calc'!A0", "=1+1", "\t=1+1", "\r=1+1", "=cmd|' /C notepad'!'A1'",
            "+\"x\"", "=1;=2", "@x\n=y");

    @Autowired
    JobRunner runner;

    @TempDir
    Path tmp;

    /** A cell that a spreadsheet would take for a formula. */
    static boolean executable(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void csvOutputNeutralisesFormulasCellByCell() throws IOException {
        CsvOutput out = new CsvOutput(RulesProfile.defaults(), ExportProfile.defaults());
        for (String value : FORMULAS) {
            String line = out.line(List.of("E001", value, "ok"));
            List<CSVRecord> records = parse(line);
            assertThat(records).as(line).hasSize(1);
            CSVRecord r = records.get(0);
            assertThat(r.size()).as("%s: one cell stays one cell", line).isEqualTo(3);
            assertThat(executable(r.get(1))).as("%s is published as %s", CsvMutant.escape(value), CsvMutant.escape(line))
                    .isFalse();
            // Neutralised, not lost: the value is still there after the leading quote.
            assertThat(r.get(1)).isEqualTo("'" + value);
        }
    }

    /**
     * A registry's students.csv with formulas for names and ids: every cell of every published CSV (decisions,
     * results, rattrapage, rejects...) is inert, and a value is never split across cells.
     */
    @Test
    void formulasInInputsArePublishedInert() throws Exception {
        Path input = tmp.resolve("input");
        Files.createDirectories(input);
        Files.copy(JobHarness.DEMO.resolve("programme.yaml"), input.resolve("programme.yaml"));
        List<String> students = new ArrayList<>(Files.readAllLines(JobHarness.DEMO.resolve("students.csv")));
        List<String> marks = new ArrayList<>(Files.readAllLines(JobHarness.DEMO.resolve("marks.csv")));
        // E00001..E00004 get formula names; a student whose id is a formula (a valid code: no space) has marks.
        students.set(1, students.get(1).replaceFirst(";[^;]*;[^;]*;L1;", ";\"=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\";+33612345678;L1;"));
        students.set(2, students.get(2).replaceFirst(";[^;]*;[^;]*;L1;", ";@SUM(A1:A2);-2+3;L1;"));
        students.set(3, students.get(3).replaceFirst(";[^;]*;[^;]*;L1;", ";\"=1;=2\";\"\t=1\";L1;"));
        students.add("=1+1;Formule;Id;L1;1;no;GENERAL;NONE");
        students.add("@evil;Arobase;Id;L1;1;no;GENERAL;NONE");
        marks.add("=1+1;ANA1;1;12;11;");
        marks.add("@evil;ANA1;1;5;4;");
        marks.add("=2+2;ANA1;1;12;11;"); // an unknown student: its id is published in rejects.csv
        marks.add("E00001;=ANA1;1;12;11;");
        Files.write(input.resolve("students.csv"), students);
        Files.write(input.resolve("marks.csv"), marks);
        Path output = tmp.resolve("output");

        JobRunner.Outcome outcome = new JobHarness(runner).run("formulas", JobHarness.job(input, output, 1));

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.lines())).isZero();
        Path published = JobHarness.sessionDir(output, 1);
        List<String> found = new ArrayList<>();
        int cells = 0;
        for (String name : JobHarness.names(published).stream().filter(n -> n.endsWith(".csv")).toList()) {
            String csv = Files.readString(published.resolve(name), StandardCharsets.UTF_8);
            List<CSVRecord> records = parse(csv);
            int width = records.get(0).size();
            for (CSVRecord r : records) {
                assertThat(r.size()).as("%s line %d: %s", name, r.getRecordNumber(), r).isEqualTo(width);
                for (String cell : r) {
                    cells++;
                    if (executable(cell)) {
                        found.add(name + " line " + r.getRecordNumber() + ": " + CsvMutant.escape(cell));
                    }
                }
            }
        }
        // The PV workbook: names are text cells, never formulas.
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(published.resolve("pv.xlsx").toFile(),
                null, true)) {
            for (var sheet : workbook) {
                for (var row : sheet) {
                    for (var cell : row) {
                        cells++;
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                            found.add("pv.xlsx " + sheet.getSheetName() + "!" + cell.getAddress() + ": ="
                                    + cell.getCellFormula());
                        }
                    }
                }
            }
        }
        assertThat(found).as("cells a spreadsheet would run, among %d published cells", cells).isEmpty();
        String decisions = Files.readString(published.resolve("decisions.csv"));
        assertThat(decisions).contains("'=HYPERLINK(").contains("'+33612345678").contains("'@SUM(A1:A2)")
                .contains("'=1+1;Formule").contains("'@evil");
        assertThat(Files.readString(published.resolve("rejects.csv"))).contains("'=2+2").contains("'=ANA1");
    }

    /**
     * There is no configured output root yet: a job definition's {@code output:} is used as given, so a path with
     * {@code ..} writes wherever it leads. This test records that behaviour (issue #7, item 5); once a root is
     * configured it must become a refusal.
     */
    @Test
    void anOutputPathWithDotDotIsFollowedAsGiven() throws Exception {
        Path root = tmp.resolve("root");
        Path output = root.resolve("output/../../elsewhere");
        JobDefinition job = JobHarness.job(JobHarness.DEMO, output, 1);

        JobRunner.Outcome outcome = new JobHarness(runner).run("dotdot", job);

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.lines())).isZero();
        assertThat(tmp.resolve("elsewhere/LIC-INFO/2025-2026/session-1/decisions.csv")).exists();
        assertThat(root).doesNotExist();
        System.out.println("OutputSafetyTest: output '" + root.relativize(output) + "' (relative to " + root
                + ") was written to " + tmp.resolve("elsewhere") + ": no output root confines job definitions");
    }

    /**
     * Whatever the output folder, a run writes only under it: the programme code of programme.yaml (and of the
     * job) names a folder under it, and must not lead out of it with {@code ..} or a separator.
     */
    @Test
    void theProgrammeCodeCannotLeadOutOfTheOutputFolder() throws Exception {
        Path input = tmp.resolve("input");
        Files.createDirectories(input);
        for (String f : List.of("students.csv", "marks.csv")) {
            Files.copy(JobHarness.DEMO.resolve(f), input.resolve(f));
        }
        String code = "../../../escaped";
        Files.writeString(input.resolve("programme.yaml"), Files.readString(JobHarness.DEMO.resolve("programme.yaml"))
                .replace("code: LIC-INFO", "code: " + code));
        Path output = tmp.resolve("a/b/output");
        Files.createDirectories(output); // as after any earlier run
        JobDefinition job = new JobDefinition(code, "2025-2026", 1, input.toString(), output.toString(), null, null,
                null, null, null);

        JobRunner.Outcome outcome = new JobHarness(runner).run("escape", job);
        System.out.println("OutputSafetyTest: a run of programme '" + code + "' said: " + outcome.lines());

        List<Path> outside = new ArrayList<>();
        try (Stream<Path> all = Files.walk(tmp)) {
            all.filter(Files::isRegularFile).filter(p -> !p.startsWith(output) && !p.startsWith(input))
                    .forEach(outside::add);
        }
        assertThat(outside).as("files written outside the output folder %s by a run of programme '%s' (it said: %s)",
                output, code, String.join(" / ", outcome.lines())).isEmpty();
    }
}
