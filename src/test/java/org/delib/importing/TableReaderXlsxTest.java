package org.delib.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderXlsxTest {

    @TempDir
    Path dir;

    private Path save(XSSFWorkbook workbook, String name) throws IOException {
        Path file = dir.resolve(name);
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    private static List<TableRow> readAll(TableReader reader) throws IOException {
        List<TableRow> rows = new ArrayList<>();
        for (TableRow row; (row = reader.next()) != null; ) {
            rows.add(row);
        }
        assertNull(reader.next(), "stays at end");
        return rows;
    }

    @Test
    void cellTypesBecomePlainText() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = wb.createSheet("marks");
        CellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        CellStyle dateTimeStyle = wb.createCellStyle();
        dateTimeStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        CellStyle twoDecimals = wb.createCellStyle();
        twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));

        Row header = sheet.createRow(0);
        String[] names = {"\uFEFFstudent_id", " exam ", "cc", "tp", "date", "ok", "formula"};
        for (int i = 0; i < names.length; i++) {
            header.createCell(i).setCellValue(names[i]);
        }
        Row r = sheet.createRow(1);
        r.createCell(0).setCellValue(" E1 ");
        r.createCell(1).setCellValue(12.5);
        r.createCell(2).setCellValue(12);
        r.getCell(2).setCellStyle(twoDecimals); // display format must not leak into the text
        r.createCell(3).setCellValue(13.35);
        r.createCell(4).setCellValue(LocalDate.of(2024, 6, 15));
        r.getCell(4).setCellStyle(dateStyle);
        r.createCell(5).setCellValue(true);
        r.createCell(6).setCellFormula("B2+D2"); // 25.85, not 25.849999999999998
        Row r2 = sheet.createRow(2);
        r2.createCell(0).setCellValue("E2");
        r2.createCell(1).setCellValue("12,5");
        r2.createCell(2).setCellValue(1e20);
        r2.createCell(3).setCellValue(0.0001);
        r2.createCell(4).setCellValue(LocalDateTime.of(2024, 6, 15, 9, 30));
        r2.getCell(4).setCellStyle(dateTimeStyle);
        r2.createCell(5).setCellFormula("B3=\"x\"");
        r2.createCell(6).setCellFormula("A3&\"-bis\"");
        Row r3 = sheet.createRow(3);
        r3.createCell(0).setCellValue("E3");
        r3.createCell(1).setCellValue(-0.5);
        r3.createCell(2).setCellFormula("1/0");
        r3.createCell(4).setCellFormula("E2+1");
        r3.getCell(4).setCellStyle(dateStyle);
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // stores the cached values

        try (TableReader reader = TableReader.open(save(wb, "marks.XLSX"))) {
            assertEquals(List.of("student_id", "exam", "cc", "tp", "date", "ok", "formula"), reader.columns());
            assertTrue(reader.decimalComma());
            assertEquals(List.of(
                    new TableRow(2, List.of(" E1 ", "12.5", "12", "13.35", "2024-06-15", "true", "25.85"), null),
                    new TableRow(3, List.of("E2", "12,5", "100000000000000000000", "0.0001", "2024-06-15T09:30",
                            "false", "E2-bis"), null),
                    new TableRow(4, List.of("E3", "-0.5", "#DIV/0!", "", "2024-06-16", "", ""), null)),
                    readAll(reader));
        }
    }

    @Test
    void rowNumbersSkipBlankRowsAndMissingCellsArePadded() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = wb.createSheet();
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("id");
        header.createCell(1).setCellValue("exam");
        header.createCell(2).setCellValue("cc");
        header.createCell(4).setCellValue(""); // trailing empty header cell: not a column
        sheet.createRow(1).createCell(0).setCellValue("E1");      // row 2: only the first cell
        sheet.createRow(2).createCell(1);                         // row 3: blank cell only -> skipped
        Row spaces = sheet.createRow(3);                          // row 4: whitespace only -> skipped
        spaces.createCell(0).setCellValue("  ");
        // row 5 and 6 absent
        Row gap = sheet.createRow(6);                             // row 7: hole in the middle
        gap.createCell(0).setCellValue("E2");
        gap.createCell(2).setCellValue(8);
        gap.createCell(5).setCellValue("");                       // empty beyond the header: ignored
        Row trailingSpace = sheet.createRow(7);                   // row 8: raw text kept untrimmed
        trailingSpace.createCell(0).setCellValue("E3");
        trailingSpace.createCell(2).setCellValue(" ");

        try (TableReader reader = TableReader.open(save(wb, "gaps.xlsx"))) {
            assertEquals(List.of("id", "exam", "cc"), reader.columns());
            assertEquals(List.of(
                    new TableRow(2, List.of("E1", "", ""), null),
                    new TableRow(7, List.of("E2", "", "8"), null),
                    new TableRow(8, List.of("E3", "", " "), null)), readAll(reader));
        }
    }

    @Test
    void valueBeyondTheHeaderIsAProblem() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = wb.createSheet();
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("id");
        header.createCell(1).setCellValue("exam");
        Row r = sheet.createRow(1);
        r.createCell(0).setCellValue("E1");
        r.createCell(3).setCellValue(14);

        try (TableReader reader = TableReader.open(save(wb, "extra.xlsx"))) {
            assertEquals(List.of(
                    new TableRow(2, List.of("E1", "", "", "14"), "a value in column D, beyond the 2 header columns")),
                    readAll(reader));
        }
    }

    @Test
    void headerIsFirstNonBlankRowAndOnlyFirstSheetIsRead() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet first = wb.createSheet("first");
        first.createRow(2).createCell(0).setCellValue("id");   // header on row 3
        first.createRow(3).createCell(0).setCellValue("E1");
        wb.createSheet("second").createRow(0).createCell(0).setCellValue("other");

        try (TableReader reader = TableReader.open(save(wb, "first.xlsx"))) {
            assertEquals(List.of("id"), reader.columns());
            assertEquals(List.of(new TableRow(4, List.of("E1"), null)), readAll(reader));
        }
    }

    @Test
    void emptySheetHasNoHeader() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("empty");
        Path file = save(wb, "empty.xlsx");
        IOException e = assertThrows(IOException.class, () -> TableReader.open(file));
        assertEquals("empty file, no header row", e.getMessage());
    }

    @Test
    void notAWorkbookIsAnIOException() throws IOException {
        Path file = dir.resolve("fake.xlsx");
        Files.writeString(file, "id;exam\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> TableReader.open(file));
        assertTrue(e.getMessage().startsWith("not a readable .xlsx workbook"), e.getMessage());
    }

    @Test
    void streamsManyRows() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = wb.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("id");
        int count = 20_000;
        for (int i = 1; i <= count; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue("E" + i);
        }
        try (TableReader reader = TableReader.open(save(wb, "big.xlsx"))) {
            long rows = 0;
            TableRow last = null;
            for (TableRow row; (row = reader.next()) != null; rows++) {
                last = row;
            }
            assertEquals(count, rows);
            assertEquals(new TableRow(count + 1L, List.of("E" + count), null), last);
        }
    }
}
