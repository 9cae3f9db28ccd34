package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.delib.DelibApplication;
import org.delib.cli.JobDefinition;
import org.delib.cli.JobRunner;
import org.delib.reports.pv.Transcripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Debts carried from one year's final deliberation into the next year's runs (Art. 32; RULES §5–7, §12.13), on the
 * small licence of {@code src/test/resources/debts}: UE coefficients UEF11 3, every other 1; each matière
 * coefficient 1, ANA1 weighed exam 2 / CC 1, the others exam only.
 */
@SpringBootTest(classes = DelibApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:debts;DB_CLOSE_DELAY=-1")
class DebtsJobTest {

    static final Path CASE = Path.of("src/test/resources/debts");
    /** A student who repeats L2 after an AJAC L1, on the same programme. */
    static final Path REPEAT = Path.of("src/test/resources/debts-repeat");
    static final String REJECTS = """
            file;line;column;value;reason
            marks.csv;3;matiere;PROG1;"PROG1 is a matière of L1 and not one of E001's debts; E001 is registered in L2"
            attendance.csv;3;matiere;ANA1;"ANA1 is a matière of L1 and not one of E002's debts; E002 is registered in L2"
            """;

    @Autowired
    JobRunner runner;

    @TempDir
    Path tmp;

    private JobRunner.Outcome run(String name, String year, int session) throws Exception {
        return run(CASE, name, year, session);
    }

    private JobRunner.Outcome run(Path inputs, String name, String year, int session) throws Exception {
        Path input = tmp.resolve(year);
        if (!Files.exists(input)) {
            Files.createDirectories(input);
            Files.copy(CASE.resolve("programme.yaml"), input.resolve("programme.yaml"));
            try (var files = Files.list(inputs.resolve(year))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, input.resolve(f.getFileName()));
                }
            }
        }
        JobDefinition job = new JobDefinition("LIC-DEBTS", year, session, input.toString(),
                tmp.resolve("output").toString(), null, null, null, null, null);
        JobRunner.Outcome outcome = new JobHarness(runner).run(name, job);
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.lines())).isZero();
        return outcome;
    }

    private List<String> published(String year, int session, String file) throws Exception {
        return Files.readAllLines(tmp.resolve("output/LIC-DEBTS/" + year + "/session-" + session + "/" + file));
    }

    /** The results.csv lines of the L1 elements. */
    private List<String> l1Lines(String year, int session) throws Exception {
        List<String> l1 = List.of("ANA1", "ALGO1", "PROG1", "UEF11", "UEM11", "S1", "S2", "L1");
        return published(year, session, "results.csv").stream().filter(l -> l1.contains(l.split(";")[1])).toList();
    }

    @Test
    void debtsOfL1AreSatInL2AndL1IsDecidedAgain() throws Exception {
        // 2025-2026, L1 (neither sat the rattrapage):
        // E001: ANA1 (4×2 + 4)/3 = 4.00, ALGO1 10, PROG1 12. UEF11 = (4 + 10)/2 = 7.00 AJ with 10 credits;
        //   S1 = (7×3 + 12)/4 = 8.25 AJ with 20; S2 12.00 ADM; L1 = (21 + 12 + 12 + 12)/6 = 9.50 AJ with 50:
        //   AJAC, the debt is ANA1 (ALGO1 is acquired).
        // E002: ANA1 12, ALGO1 12, PROG1 2. UEM11 2.00 AJ; S1 = (36 + 2)/4 = 9.50 AJ with 20; S2 10.00 ADM;
        //   L1 = (36 + 2 + 10 + 10)/6 = 9.67 AJ with 50: AJAC, owing PROG1.
        run("debts-2025-2026", "2025-2026", 2);
        assertThat(published("2025-2026", 2, "decisions.csv")).containsExactly(
                "student_id;last_name;first_name;level;year_mark;year_credits;decision;next_level;debts",
                "E001;Diallo;Awa;L1;9.50;50;AJAC;L2;ANA1",
                "E002;Ndiaye;Moussa;L1;9.67;50;AJAC;L2;PROG1");

        // 2026-2027, both in L2. Debt marks are accepted; an L1 matière that is not owed is rejected, marks and
        // attendance alike.
        JobRunner.Outcome first = run("debts-2026-2027-s1", "2026-2027", 1);
        assertThat(first.lines()).anyMatch(l -> l.contains("marks.csv: 12 rows read = 11 accepted + 1 rejected"))
                .anyMatch(l -> l.contains("attendance.csv: 2 rows read = 1 accepted + 1 rejected"));
        assertThat(String.join("\n", published("2026-2027", 1, "rejects.csv")) + "\n").isEqualTo(REJECTS);
        // E001: ANA1 (12×2 + 9)/3 = 11.00 ADM replaces 4.00; UEF11 = (11 + 10)/2 = 10.50 ADM; S1 = (31.50 + 12)/4
        //   = 10.88 ADM; L1 = (31.50 + 12 + 12 + 12)/6 = 11.25 ADM. L2 all at 12: ADM, nothing to retake.
        // E002: PROG1 3.00 > 2.00 replaces it, still AJ; S1 = (36 + 3)/4 = 9.75 AJ; L1 = (36 + 3 + 20)/6 = 9.83 AJ.
        //   L2: S4 = (12 + 6)/2 = 9.00 AJ, the year (12 + 12 + 12 + 6)/4 = 10.50 CMP: only the debt is convoked.
        assertThat(l1Lines("2026-2027", 1)).containsExactly(
                "E001;ANA1;MATIERE;11.00;ADM;10;1",
                "E001;L1;ANNEE;11.25;ADM;60;1",
                "E001;S1;SEMESTRE;10.88;ADM;30;1",
                "E001;UEF11;UE;10.50;ADM;20;1",
                "E002;L1;ANNEE;9.83;AJ;50;1",
                "E002;PROG1;MATIERE;3.00;AJ;0;1",
                "E002;S1;SEMESTRE;9.75;AJ;20;1",
                "E002;UEM11;UE;3.00;AJ;0;1");
        assertThat(published("2026-2027", 1, "decisions.csv")).containsExactly(
                "student_id;last_name;first_name;level;year_mark;year_credits;decision;next_level;debts",
                "E001;Diallo;Awa;L2;12.00;60;ADM;L3;",
                "E002;Ndiaye;Moussa;L2;10.50;60;RAT;;");
        assertThat(published("2026-2027", 1, "rattrapage.csv")).containsExactly(
                "student_id;last_name;first_name;matiere;semester",
                "E002;Ndiaye;Moussa;PROG1;S1");

        // Final deliberation. E002 at the rattrapage: PROG1 3.50 > 3.00; UEM11 3.50; S1 = (36 + 3.50)/4 = 9.88 AJ;
        // L1 = (36 + 3.50 + 20)/6 = 9.92 AJ, all session 2. L2 → L3: S1 and S4 not acquired; 20 + 30 + 30 + 15 = 95
        // credits ≥ 90 and every required UE acquired: AJAC, owing PROG1 still and PROG4 of this year.
        // E001: S1–S4 acquired with the debt paid off: ADM → L3 (with S1 as decided in 2025-2026, RED).
        run("debts-2026-2027-s2", "2026-2027", 2);
        assertThat(String.join("\n", published("2026-2027", 2, "rejects.csv")) + "\n").isEqualTo(REJECTS);
        assertThat(l1Lines("2026-2027", 2)).containsExactly(
                "E001;ANA1;MATIERE;11.00;ADM;10;1",
                "E001;L1;ANNEE;11.25;ADM;60;1",
                "E001;S1;SEMESTRE;10.88;ADM;30;1",
                "E001;UEF11;UE;10.50;ADM;20;1",
                "E002;L1;ANNEE;9.92;AJ;50;2",
                "E002;PROG1;MATIERE;3.50;AJ;0;2",
                "E002;S1;SEMESTRE;9.88;AJ;20;2",
                "E002;UEM11;UE;3.50;AJ;0;2");
        assertThat(published("2026-2027", 2, "decisions.csv")).containsExactly(
                "student_id;last_name;first_name;level;year_mark;year_credits;decision;next_level;debts",
                "E001;Diallo;Awa;L2;12.00;60;ADM;L3;",
                "E002;Ndiaye;Moussa;L2;10.50;60;AJAC;L3;PROG1|PROG4");

        documentsShowL1DecidedAgain();

        // RULES §9 with L1 as decided again, one term per semester; d counts the AJAC of 2025-2026 (r = 2 − 2 = 0).
        // E001: MSE (S1 10.88 + S2 12 + S3 12 + S4 12)/4 = 11.72, d = 1: 11.72 × 0.98 = 11.4856 → 11.49.
        // E002: S3 (12 + 12)/2 = 12.00, S4 9.00: MSE (9.88 + 10 + 12 + 9)/4 = 10.22, d = 1 + this year's AJAC = 2:
        //   10.22 × 0.96 = 9.8112 → 9.81. Neither can be major (d > 0).
        assertThat(published("2026-2027", 2, "classement.csv")).containsExactly(
                "student_id;mse;r;d;s;mc;rank;major",
                "E001;11.72;0;1;0;11.49;1;no",
                "E002;10.22;0;2;0;9.81;2;no");
    }

    /** The final pv.pdf of {@code year}, its line ends as spaces: the debts wrap in their cell. */
    private String pvText(String year) throws Exception {
        Path pdf = tmp.resolve("output/LIC-DEBTS/" + year + "/session-2/pv.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /**
     * The final PV of 2026-2027 says which earlier level was settled or what is owed; each transcript shows L1's
     * elements decided again (code, title, coefficient, credits, mark, result, session, credits earned).
     */
    private void documentsShowL1DecidedAgain() throws Exception {
        Path out = tmp.resolve("output/LIC-DEBTS/2026-2027/session-2");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("pv.xlsx")))) {
            XSSFSheet pv = wb.getSheetAt(0);
            int debts = -1;
            for (Cell c : pv.getRow(5)) {
                if (c.getStringCellValue().equals("Dettes")) {
                    debts = c.getColumnIndex();
                }
            }
            assertThat(pv.getRow(6).getCell(1).getStringCellValue()).isEqualTo("E001");
            assertThat(pv.getRow(6).getCell(debts).getStringCellValue()).isEqualTo("L1 réglée");
            assertThat(pv.getRow(7).getCell(1).getStringCellValue()).isEqualTo("E002");
            assertThat(pv.getRow(7).getCell(debts).getStringCellValue()).isEqualTo("dues : PROG1, PROG4");
        }
        assertThat(pvText("2026-2027")).contains("Dettes").contains("E001 Diallo Awa").contains("ADM L1 réglée")
                .contains("AJAC dues : PROG1, PROG4");
        try (PDDocument e001 = transcript(out, "E001")) {
            assertThat(new PDFTextStripper().getText(e001)).containsSubsequence("L2 Année L2 60 12.00 ADM 1 60",
                    "Dettes de L1", "UEF11 Fondamentaux 1 3 20 10.50 ADM 1 20", "ANA1 Analyse 1 1 10 11.00 ADM 1 10",
                    "S1 Semestre S1 30 10.88 ADM 1 30", "L1 Année L1 60 11.25 ADM 1 60", "Décision du jury : ADM");
        }
        try (PDDocument e002 = transcript(out, "E002")) {
            assertThat(new PDFTextStripper().getText(e002)).containsSubsequence("Dettes de L1",
                    "UEM11 Méthodologie 1 1 10 3.50 AJ 2 0", "PROG1 Programmation 1 1 10 3.50 AJ 2 0",
                    "S1 Semestre S1 30 9.88 AJ 2 20", "L1 Année L1 60 9.92 AJ 2 50", "Décision du jury : AJAC",
                    "Dettes : PROG1, PROG4");
        }
    }

    /** A student's transcript, from the run's archive of them. */
    private static PDDocument transcript(Path out, String student) throws IOException {
        try (ZipFile archive = new ZipFile(out.resolve(DocumentsTasklet.TRANSCRIPTS).resolve(Transcripts.ARCHIVE)
                .toFile())) {
            return Loader.loadPDF(archive.getInputStream(archive.getEntry(student + ".pdf")).readAllBytes());
        }
    }

    @Test
    void debtsOwedFromAnAjacYearOutliveARepeatedYear() throws Exception {
        // 2025-2026, L1: as E002 above, AJAC owing PROG1 (S1 9.50 AJ, S2 10.00, L1 9.67 AJ with 50 credits).
        run(REPEAT, "repeat-2025-2026", "2025-2026", 2);
        assertThat(published("2025-2026", 2, "decisions.csv")).contains("E003;Sow;Fatou;L1;9.67;50;AJAC;L2;PROG1");

        // 2026-2027, L2, no rattrapage sat: PROG1 3 > 2.00 still AJ; S1 = (36 + 3)/4 = 9.75 AJ; L1 = (36 + 3 + 20)/6
        // = 9.83 AJ. S3, S4 5.00 AJ with 0 credits: 20 + 30 < 90 over S1–S4, RED, which lists no debts.
        run(REPEAT, "repeat-2026-2027", "2026-2027", 2);
        assertThat(published("2026-2027", 2, "decisions.csv")).contains("E003;Sow;Fatou;L2;5.00;0;RED;L2;");
        // The PV says what the repeating student still owes though RED lists no debts.
        assertThat(pvText("2026-2027")).contains("E003 Sow Fatou").contains("RED dues : PROG1");

        // 2027-2028, L2 again: PROG1 is still owed from the AJAC of 2025-2026, its mark accepted. PROG1 14 ADM;
        // UEM11 14.00 ADM; S1 = (36 + 14)/4 = 12.50 ADM; L1 = (36 + 14 + 20)/6 = 11.67 ADM; L2 all at 12: S1–S4
        // acquired, ADM → L3.
        JobRunner.Outcome third = run(REPEAT, "repeat-2027-2028", "2027-2028", 2);
        assertThat(third.lines()).anyMatch(l -> l.contains("marks.csv: 5 rows read = 5 accepted + 0 rejected"));
        assertThat(l1Lines("2027-2028", 2)).containsExactly(
                "E003;L1;ANNEE;11.67;ADM;60;1",
                "E003;PROG1;MATIERE;14.00;ADM;10;1",
                "E003;S1;SEMESTRE;12.50;ADM;30;1",
                "E003;UEM11;UE;14.00;ADM;10;1");
        assertThat(published("2027-2028", 2, "decisions.csv")).contains("E003;Sow;Fatou;L2;12.00;60;ADM;L3;");
        assertThat(pvText("2027-2028")).contains("ADM L1 réglée");
        // RULES §9: S1 taken in 2025-2026, decided again in 2026-2027 and now: 12.50, once; S2 10.00; S3, S4 5.00
        // (2026-2027) and 12.00 (now): MSE 56.50/6 = 9.42; r = 3 − 2 = 1; d = 1 (2025-2026 AJAC; the RED year not):
        // 9.42 × (1 − 0.04 × 1.5) = 8.8548 → 8.85.
        assertThat(published("2027-2028", 2, "classement.csv")).containsExactly(
                "student_id;mse;r;d;s;mc;rank;major",
                "E003;9.42;1;1;0;8.85;1;no");
    }
}
