package org.delib.importing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import com.github.pjfanning.xlsx.StreamingReader;

/**
 * Streaming reader of the first sheet of an .xlsx workbook (excel-streaming-reader: only a
 * small window of rows is held in memory). Cells are turned into the text a CSV export would hold.
 */
final class XlsxTableReader implements TableReader {

    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final List<String> columns;

    XlsxTableReader(Path file) throws IOException {
        try {
            workbook = StreamingReader.builder().rowCacheSize(100).bufferSize(4096).open(file.toFile());
        } catch (RuntimeException e) { // the library reports unreadable files with runtime exceptions
            throw new IOException("not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        }
        try {
            if (workbook.getNumberOfSheets() == 0) {
                throw new IOException("empty file, no header row");
            }
            rows = workbook.getSheetAt(0).iterator();
            columns = readHeader();
        } catch (IOException e) {
            workbook.close();
            throw e;
        } catch (RuntimeException e) { // a truncated or damaged workbook: the user's file, not a crash
            workbook.close();
            throw new IOException("not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        }
    }

    private List<String> readHeader() throws IOException {
        TableRow header = nextNonBlank();
        if (header == null) {
            throw new IOException("empty file, no header row");
        }
        // Trailing empty header cells are formatting leftovers, not columns.
        List<String> names = new ArrayList<>();
        for (String cell : header.cells().subList(0, lastNonBlank(header.cells()) + 1)) {
            names.add(cell.replace("\uFEFF", "").strip()); // a BOM pasted from a CSV export is invisible in Excel
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean decimalComma() {
        return true; // numbers typed as text in a French spreadsheet use a comma
    }

    @Override
    public TableRow next() throws IOException {
        TableRow row = nextNonBlank();
        if (row == null) {
            return null;
        }
        int width = columns.size();
        List<String> cells = new ArrayList<>(row.cells());
        int used = lastNonBlank(cells) + 1;
        if (row.problem() == null && used > width) {
            return new TableRow(row.line(), cells.subList(0, used), "a value in column "
                    + CellReference.convertNumToColString(used - 1) + ", beyond the " + width + " header columns");
        }
        // Cells past the header are empty here (often just formatted): drop them; pad missing ones.
        while (cells.size() > width) {
            cells.remove(cells.size() - 1);
        }
        while (cells.size() < width) {
            cells.add("");
        }
        return new TableRow(row.line(), cells, row.problem());
    }

    private static int lastNonBlank(List<String> cells) {
        int last = cells.size() - 1;
        while (last >= 0 && cells.get(last).isBlank()) {
            last--;
        }
        return last;
    }

    /** Next row with a non-blank cell (or an unreadable one), all its cells up to the last one stored. */
    private TableRow nextNonBlank() throws IOException {
        while (true) {
            Row row;
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                row = rows.next();
            } catch (RuntimeException e) {
                throw new IOException("unreadable .xlsx sheet (" + e.getMessage() + ")", e);
            }
            List<String> cells = new ArrayList<>();
            String problem = null;
            for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                Cell cell = row.getCell(i);
                String text;
                try {
                    text = cell == null ? "" : text(cell);
                } catch (RuntimeException e) {
                    text = "";
                    if (problem == null) {
                        problem = "unreadable cell " + CellReference.convertNumToColString(i) + " (" + e.getMessage() + ")";
                    }
                }
                cells.add(text);
            }
            if (lastNonBlank(cells) >= 0 || problem != null) {
                return new TableRow(row.getRowNum() + 1L, cells, problem);
            }
        }
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType(); // we never evaluate: the value Excel saved is the value
        }
        switch (type) {
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime dateTime = cell.getLocalDateTimeCellValue();
                    return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
                            ? dateTime.toLocalDate().toString()
                            : dateTime.toString();
                }
                // valueOf uses the shortest decimal form of the double: 13.35 stays "13.35"
                return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            case STRING:
                return cell.getStringCellValue();
            case ERROR:
                // the streaming cell renders errors as "ERROR:  #DIV/0!"; keep just the Excel code
                return cell.getStringCellValue().replaceFirst("^ERROR:\\s*", "");
            default:
                return "";
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
