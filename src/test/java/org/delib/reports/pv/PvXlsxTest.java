package org.delib.reports.pv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.delib.rules.Decision;
import org.delib.rules.StudentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pv.xlsx written for the known cohort, read back with POI. */
class PvXlsxTest {

    @TempDir
    Path dir;

    private final DataFormatter shown = new DataFormatter();

    private XSSFWorkbook write(boolean corrective, List<StudentResult> students) throws IOException {
        Path file = dir.resolve(PvWriter.XLSX);
        new PvWriter(PvFixtures.PROFILE).writeXlsx(file, PvFixtures.header(corrective), PvFixtures.programme(), "L1",
                students, PvFixtures.rachats(), List.of(PvWriter.convocations(students)));
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The cells of a row as Excel shows them, number formats applied. */
    private List<String> shown(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : shown.formatCellValue(cell));
        }
        return cells;
    }

    private Row studentRow(XSSFSheet sheet, String id) {
        for (Row row : sheet) {
            if (row.getCell(1) != null && id.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id);
    }

    private int rowWith(XSSFSheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell c = row.getCell(column);
            if (c != null && c.getCellType() == CellType.STRING && text.equals(c.getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row with " + text);
    }

    /**
     * The streamed sheet waits in a temporary file in the folder .scratch beside the workbook, where a killed run's
     * staging folder keeps it until the rerun removes it, not in the system's temporary folder; none is left after.
     */
    @Test
    void theStreamedSheetsWaitBesideTheWorkbookAndAreRemovedAfter() throws Exception {
        Path scratch = dir.resolve(PdfPages.SCRATCH);
        List<StudentResult> cohort = PvFixtures.filler(300);
        List<String> seen = new ArrayList<>();
        Iterable<StudentResult> watched = () -> cohort.stream().peek(r -> {
            if (r == cohort.get(250)) {
                try (var files = Files.list(scratch)) {
                    files.forEach(f -> seen.add(f.getFileName().toString()));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }).iterator();
        Path file = dir.resolve(PvWriter.XLSX);
        new PvWriter(PvFixtures.PROFILE).writeXlsx(file, PvFixtures.header(false), PvFixtures.programme(), "L1",
                watched, Map.of(), List.of());

        assertThat(seen).anySatisfy(name -> assertThat(name).startsWith("poi-sxssf-sheet"));
        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(300);
        }
    }

    /**
     * Written again (by a restarted run), the PV has the same bytes: the workbook's creation date is the jury's,
     * not the clock's, which POI would give to the second.
     */
    @Test
    void writtenAgainWithTheSameBytes() throws Exception {
        write(false, PvFixtures.cohort()).close();
        byte[] first = Files.readAllBytes(dir.resolve(PvWriter.XLSX));
        Thread.sleep(1100);
        try (XSSFWorkbook wb = write(false, PvFixtures.cohort())) {
            assertThat(wb.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(Date.from(LocalDate.of(2026, 7, 12).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        assertThat(Files.readAllBytes(dir.resolve(PvWriter.XLSX))).isEqualTo(first);
    }

    @Test
    void headerColumnsFrozenPanesAndSemesterGroups() throws IOException {
        try (XSSFWorkbook wb = write(false, PvFixtures.cohort())) {
            XSSFSheet pv = wb.getSheetAt(0);
            assertThat(pv.getSheetName()).isEqualTo("PV L1");
            assertThat(pv.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Université de Thiès — UFR Sciences et Technologies");
            assertThat(pv.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Procès-verbal de délibération");
            assertThat(pv.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("LIC-INFO — Licence Informatique — niveau L1");
            assertThat(pv.getRow(3).getCell(0).getStringCellValue())
                    .isEqualTo("Année universitaire 2025-2026 — Session 1 (session normale) — jury du 12/07/2026");
            assertThat(shown(pv.getRow(5))).containsExactly("N°", "Matricule", "Nom", "Prénom",
                    "UEF11 moy.", "UEF11 rés.", "UEM11 moy.", "UEM11 rés.", "UET11 moy.", "UET11 rés.",
                    "S1 moy.", "S1 rés.", "S1 créd.",
                    "UEF21 moy.", "UEF21 rés.", "UEM21 moy.", "UEM21 rés.", "UET21 moy.", "UET21 rés.",
                    "S2 moy.", "S2 rés.", "S2 créd.",
                    "L1 moy.", "L1 créd.", "Décision", "Dettes", "Rachats (élément : motif)");
            // Group titles merged over their columns; the UE columns of each semester form a foldable group.
            assertThat(pv.getMergedRegions()).contains(CellRangeAddress.valueOf("E5:M5"),
                    CellRangeAddress.valueOf("N5:V5"), CellRangeAddress.valueOf("W5:Z5"));
            assertThat(pv.getRow(4).getCell(4).getStringCellValue()).isEqualTo("Semestre S1");
            assertThat(pv.getColumnOutlineLevel(4)).isEqualTo(1);
            assertThat(pv.getColumnOutlineLevel(9)).isEqualTo(1);
            assertThat(pv.getColumnOutlineLevel(10)).isZero();
            assertThat(pv.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 6);
            assertThat(pv.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 4);
        }
    }

    @Test
    void studentRowsCarryMarksResultsCreditsDecisionAndRachats() throws IOException {
        try (XSSFWorkbook wb = write(false, PvFixtures.cohort())) {
            XSSFSheet pv = wb.getSheetAt(0);
            assertThat(shown(studentRow(pv, "E001"))).containsExactly("1", "E001", "Diop", "Ndèye Aïssatou",
                    "14.00", "ADM", "14.00", "ADM", "14.00", "ADM", "14.00", "ADM", "30",
                    "14.00", "ADM", "14.00", "ADM", "14.00", "ADM", "14.00", "ADM", "30",
                    "14.00", "60", "ADM", "", "");
            // UEF21 = 6 → S2 = (3×6 + 2×12 + 12) / 6 = 9.00 AJ with UEM21 + UET21's 15 credits;
            // year = (3×13 + 2×13 + 13 + 3×6 + 2×12 + 12) / 12 = 11.00 CMP.
            Row e003 = studentRow(pv, "E003");
            assertThat(shown(e003).subList(13, 25)).containsExactly("6.00", "AJ", "12.00", "ADM", "12.00", "ADM",
                    "9.00", "AJ", "15", "11.00", "60", "CMP");
            Cell mark = e003.getCell(19);
            assertThat(mark.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(mark.getNumericCellValue()).isEqualTo(9.0);
            assertThat(mark.getCellStyle().getDataFormatString()).isEqualTo("0.00");
            // The rachat raises UEF11 to 10.00 ADJ: S1 = (3×10 + 2×15 + 15) / 6 = 12.50, all acquired.
            // Its refused rachat on ANG1 (already ADM) is not printed.
            List<String> e005 = shown(studentRow(pv, "E005"));
            assertThat(e005.subList(4, 6)).containsExactly("10.00", "ADJ");
            assertThat(e005.subList(10, 13)).containsExactly("12.50", "ADM", "30");
            assertThat(e005.get(26)).isEqualTo("UEF11 : Assiduité exemplaire, décision unanime");
            // A pending mark: no mark for ANG1 leaves UET11, S1 and the year ATT, their marks empty (RULES §12.17).
            List<String> e006 = shown(studentRow(pv, "E006"));
            assertThat(e006.subList(4, 12)).containsExactly("12.00", "ADM", "12.00", "ADM", "", "ATT", "", "ATT");
            assertThat(e006.get(24)).isEqualTo("ATT");
        }
    }

    @Test
    void formulaInANameStaysText() throws IOException {
        try (XSSFWorkbook wb = write(false, PvFixtures.cohort())) {
            Cell name = studentRow(wb.getSheetAt(0), "E002").getCell(2);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("'" + PvFixtures.FORMULA_NAME);
        }
    }

    @Test
    void decisionCountsLegendAndConvocationsSheet() throws IOException {
        Path file = dir.resolve("counted.xlsx");
        List<StudentResult> cohort = PvFixtures.cohort();
        Map<Decision, Integer> counts = new PvWriter(PvFixtures.PROFILE).writeXlsx(file, PvFixtures.header(false),
                PvFixtures.programme(), "L1", cohort, PvFixtures.rachats(), List.of(PvWriter.convocations(cohort)));
        assertThat(counts).containsExactly(Map.entry(Decision.ADM, 3), Map.entry(Decision.CMP, 1),
                Map.entry(Decision.RAT, 1), Map.entry(Decision.ATT, 1));
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet pv = wb.getSheetAt(0);
            int r = rowWith(pv, 1, "Effectifs par décision");
            assertThat(shown(pv.getRow(r + 1)).subList(1, 4)).containsExactly("ADM", "3", "acquis, admis(e)");
            assertThat(shown(pv.getRow(r + 2)).subList(1, 3)).containsExactly("CMP", "1");
            assertThat(shown(pv.getRow(r + 3)).subList(1, 3)).containsExactly("RAT", "1");
            assertThat(shown(pv.getRow(r + 4)).subList(1, 3)).containsExactly("ATT", "1");
            assertThat(shown(pv.getRow(r + 5)).subList(1, 3)).containsExactly("Total", "6");
            int legend = rowWith(pv, 1, "Légende");
            assertThat(shown(pv.getRow(legend + 3)).subList(1, 3))
                    .containsExactly("ADJ", "acquis par rachat du jury");
            assertThat(pv.getRow(legend + Codes.LEGEND.size()).getCell(1).getStringCellValue()).isEqualTo("DIPL");

            XSSFSheet convocations = wb.getSheetAt(1);
            assertThat(convocations.getSheetName()).isEqualTo("Convocations rattrapage");
            assertThat(shown(convocations.getRow(0)))
                    .containsExactly("Matricule", "Nom", "Prénom", "Matière", "Semestre");
            assertThat(convocations.getLastRowNum()).isEqualTo(8);
            assertThat(shown(convocations.getRow(1))).containsExactly("E004", "Sow", "Fatou", "ANA1", "S1");
            assertThat(shown(convocations.getRow(8))).containsExactly("E004", "Sow", "Fatou", "FR2", "S2");
        }
    }

    @Test
    void correctivePvHasItsTitleAndOnlyTheStudentsGiven() throws IOException {
        List<StudentResult> changed = PvFixtures.cohort().subList(2, 3);
        try (XSSFWorkbook wb = write(true, changed)) {
            XSSFSheet pv = wb.getSheetAt(0);
            assertThat(pv.getRow(1).getCell(0).getStringCellValue()).isEqualTo("PV correctif additif au PV initial");
            assertThat(pv.getRow(6).getCell(1).getStringCellValue()).isEqualTo("E003");
            assertThat(pv.getRow(7) == null).as("no second student row").isTrue();
            assertThat(wb.getSheetAt(1).getLastRowNum()).isZero(); // E003 is not convoked
        }
    }

    @Test
    void aStudentOfAnotherLevelIsRefused() {
        StudentResult l1 = PvFixtures.cohort().get(0);
        assertThatThrownBy(() -> new PvWriter(PvFixtures.PROFILE).writeXlsx(dir.resolve("x.xlsx"),
                PvFixtures.header(false), PvFixtures.programme(), "L2", List.of(l1), Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no semester of level L2");
    }
}
