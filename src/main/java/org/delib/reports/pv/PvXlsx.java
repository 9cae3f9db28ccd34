package org.delib.reports.pv;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.delib.reports.CsvOutput;
import org.delib.rules.Decision;
import org.delib.rules.ElementResult;
import org.delib.rules.Programme;
import org.delib.rules.Semester;
import org.delib.rules.StudentResult;
import org.delib.rules.Ue;

/**
 * pv.xlsx with POI's streaming workbook: only the last {@link #WINDOW} rows are in memory, the rest is flushed to a
 * temporary file, so thousands of students take no more heap than a hundred.
 */
final class PvXlsx {

    private static final int WINDOW = 100;
    /** Rows 0–3 are the header, 4 the column groups, 5 the column titles: frozen, and repeated when printed. */
    private static final int GROUP_ROW = 4;
    private static final int TITLE_ROW = 5;
    private static final int FIRST_STUDENT_ROW = 6;
    private static final int FIXED_COLUMNS = 4;

    private final SXSSFWorkbook wb;
    private final CellStyle big;
    private final CellStyle bold;
    private final CellStyle head;
    private final CellStyle text;
    private final CellStyle mark;
    private final CellStyle number;

    private PvXlsx(int decimals, Path scratch) {
        wb = workbook(scratch);
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        Font bigFont = wb.createFont();
        bigFont.setBold(true);
        bigFont.setFontHeightInPoints((short) 14);
        big = wb.createCellStyle();
        big.setFont(bigFont);
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        head = bordered();
        head.setFont(boldFont);
        head.setAlignment(HorizontalAlignment.CENTER);
        head.setVerticalAlignment(VerticalAlignment.CENTER);
        head.setWrapText(true);
        head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered();
        mark = bordered();
        // The marks are already rounded to the profile's decimals (RULES §0); the format shows exactly those.
        mark.setDataFormat(wb.createDataFormat().getFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals)));
        number = bordered();
    }

    /**
     * A workbook whose sheets stream into temporary files in {@code scratch} ({@link PdfPages#scratchBeside}), not
     * in the system's temporary folder, where a killed run left them for good.
     */
    private static SXSSFWorkbook workbook(Path scratch) {
        return new SXSSFWorkbook(WINDOW) {
            /**
             * The workbook's zip at deflate's fastest level: compressing the sheet of 64,000 students at the default
             * one took seconds after every other document was done; the file comes out about a fifth larger.
             */
            @Override
            protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
                ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
                zip.setLevel(Deflater.BEST_SPEED);
                return zip;
            }

            /**
             * Uncompressed: the sheets are compressed once, into the workbook. Compressing the temporary files too
             * was a third of the time of the workbook; they take about 200 MB of disk for a million marks, for a
             * moment.
             */
            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new SheetDataWriter() {
                    @Override
                    public File createTempFile() throws IOException {
                        return Files.createTempFile(scratch, "poi-sxssf-sheet", ".xml").toFile();
                    }
                };
            }
        };
    }

    private CellStyle bordered() {
        CellStyle s = wb.createCellStyle();
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    static Map<Decision, Integer> write(Path file, PvHeader header, Programme programme, String level,
                                        Iterable<StudentResult> students, Map<String, List<Rachat>> rachats,
                                        List<PvWriter.ExtraSheet> extra, int decimals) throws IOException {
        PvXlsx x = new PvXlsx(decimals, PdfPages.scratchDir(file));
        try {
            x.created(header.juryDate());
            List<Semester> semesters = programme.semestersOf(level);
            SXSSFSheet pv = x.pvSheet(header, semesters, level);
            // The sheets after the PV first: they do not wait for the students, and written last they kept one
            // core busy alone after every other document was done.
            for (PvWriter.ExtraSheet sheet : extra) {
                x.extra(sheet);
            }
            Map<Decision, Integer> counts = x.pvRows(pv, semesters, level, students, rachats);
            try (OutputStream out = Files.newOutputStream(file)) {
                // The workbook's skeleton is put together in memory (small), not in another temporary file.
                x.wb.writeAvoidingTempFiles(out);
            }
            return counts;
        } finally {
            x.wb.close(); // also deletes the temporary files of the streamed sheets
        }
    }

    /**
     * The workbook's creation date is the jury's (none while it is not set) rather than the moment it is written:
     * the same run's PV, written again after a restart, has the same bytes.
     */
    private void created(LocalDate juryDate) {
        wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(
                Optional.ofNullable(juryDate).map(d -> Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant())));
    }

    /** The PV's sheet, first of the workbook, down to its column titles. */
    private SXSSFSheet pvSheet(PvHeader header, List<Semester> semesters, String level) {
        SXSSFSheet sheet = wb.createSheet("PV " + level);
        put(sheet.createRow(0), 0, header.institution(), big);
        put(sheet.createRow(1), 0, header.title(), big);
        put(sheet.createRow(2), 0, header.programmeLine(level), bold);
        put(sheet.createRow(3), 0, header.sessionLine(), bold);

        // Column titles, and the column groups: one per semester, its UE columns foldable down to its totals.
        Row groups = sheet.createRow(GROUP_ROW);
        Row titles = sheet.createRow(TITLE_ROW);
        List<String> names = new ArrayList<>(List.of("N°", "Matricule", "Nom", "Prénom"));
        group(sheet, groups, "Étudiant", 0, FIXED_COLUMNS - 1);
        for (Semester s : semesters) {
            int first = names.size();
            for (Ue u : s.ues()) {
                names.add(u.code() + " moy.");
                names.add(u.code() + " rés.");
            }
            sheet.groupColumn(first, names.size() - 1);
            names.addAll(List.of(s.code() + " moy.", s.code() + " rés.", s.code() + " créd."));
            group(sheet, groups, "Semestre " + s.code(), first, names.size() - 1);
        }
        int year = names.size();
        names.addAll(List.of(level + " moy.", level + " créd.", "Décision", "Dettes"));
        group(sheet, groups, "Année " + level, year, names.size() - 1);
        group(sheet, groups, "Jury", names.size(), names.size());
        names.add("Rachats (élément : motif)");
        for (int c = 0; c < names.size(); c++) {
            put(titles, c, names.get(c), head);
            sheet.setColumnWidth(c, 256 * (c == 2 || c == 3 ? 22 : c == 1 ? 14 : c == 0 ? 6 : 10));
        }
        titles.setHeightInPoints(30);
        sheet.setColumnWidth(names.size() - 2, 256 * 24);
        sheet.setColumnWidth(names.size() - 1, 256 * 60);
        sheet.createFreezePane(FIXED_COLUMNS, FIRST_STUDENT_ROW);
        sheet.setRepeatingRows(new CellRangeAddress(GROUP_ROW, TITLE_ROW, -1, -1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        return sheet;
    }

    /** A row for each student under the PV's titles, then the count of each decision and the legend. */
    private Map<Decision, Integer> pvRows(SXSSFSheet sheet, List<Semester> semesters, String level,
                                         Iterable<StudentResult> students, Map<String, List<Rachat>> rachats) {
        PvLine.Tally tally = new PvLine.Tally();
        int r = FIRST_STUDENT_ROW;
        for (StudentResult result : students) {
            PvLine line = PvLine.of(result, level, rachats);
            tally.add(result.decision());
            Row row = sheet.createRow(r);
            int c = 0;
            count(row, c++, r - FIRST_STUDENT_ROW + 1);
            put(row, c++, line.id(), text);
            put(row, c++, result.student().lastName(), text);
            put(row, c++, result.student().firstName(), text);
            for (Semester s : semesters) {
                for (Ue u : s.ues()) {
                    c = markAndResult(row, c, line.element(u.code()));
                }
                ElementResult e = line.element(s.code());
                c = markAndResult(row, c, e);
                credits(row, c++, e);
            }
            ElementResult y = line.element(level);
            markValue(row, c++, y);
            credits(row, c++, y);
            put(row, c++, result.decision().name(), text);
            put(row, c++, line.debtsText(), text);
            put(row, c, line.rachatText(), text);
            r++;
        }

        // After the students: the count of each decision, then the legend.
        r++;
        put(sheet.createRow(r++), 1, "Effectifs par décision", bold);
        for (Map.Entry<Decision, Integer> e : tally.counts().entrySet()) {
            Row row = sheet.createRow(r++);
            put(row, 1, e.getKey().name(), text);
            count(row, 2, e.getValue());
            put(row, 3, Codes.meaning(e.getKey()), null);
        }
        Row total = sheet.createRow(r++);
        put(total, 1, "Total", head);
        count(total, 2, tally.total());
        r++;
        put(sheet.createRow(r++), 1, "Légende", bold);
        for (Map.Entry<String, String> e : Codes.LEGEND.entrySet()) {
            Row row = sheet.createRow(r++);
            put(row, 1, e.getKey(), text);
            put(row, 2, e.getValue(), null);
        }
        return tally.counts();
    }

    /** A sheet after the PV: the rattrapage convocations, the jury's candidates, the ranking, the orientation. */
    private void extra(PvWriter.ExtraSheet second) {
        SXSSFSheet sheet = wb.createSheet(second.name());
        Row titles = sheet.createRow(0);
        for (int c = 0; c < second.header().size(); c++) {
            put(titles, c, second.header().get(c), head);
            sheet.setColumnWidth(c, 256 * 20);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (String[] cells : second.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.length; c++) {
                put(row, c, cells[c], text);
            }
        }
    }

    private void group(SXSSFSheet sheet, Row row, String title, int first, int last) {
        for (int c = first; c <= last; c++) {
            put(row, c, c == first ? title : "", head);
        }
        if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), first, last));
        }
    }

    /** A mark then its result code, in two cells. */
    private int markAndResult(Row row, int c, ElementResult e) {
        markValue(row, c, e);
        put(row, c + 1, e == null ? "" : e.result().name(), text);
        return c + 2;
    }

    /** A numeric mark; an empty cell when it cannot be computed (RULES §12.17). */
    private void markValue(Row row, int c, ElementResult e) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(mark);
        if (e != null && e.mark() != null) {
            cell.setCellValue(e.mark().doubleValue());
        }
    }

    private void credits(Row row, int c, ElementResult e) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(number);
        if (e != null) {
            cell.setCellValue(e.credits().doubleValue());
        }
    }

    private void count(Row row, int c, int n) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(number);
        cell.setCellValue(n);
    }

    /** Every text cell goes through {@link Cells#safe}: names, codes and reasons come from input files. */
    private static void put(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(CsvOutput.neutralise(value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
