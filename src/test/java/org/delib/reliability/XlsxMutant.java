package org.delib.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A hostile workbook, as a registry's spreadsheet can be: numbers stored as text or as numbers, formulas (with
 * and without the value Excel caches), merged cells, dates, booleans, error cells, blank and hidden rows, a header
 * further down, another sheet first, values beyond the header, very long texts, a truncated file.
 *
 * <p>Besides the bytes it says how many data rows a reader must hand out ({@code expectedRows}, -1 when a
 * mutation makes that unknowable), counted from what was written: every row after the header with a cell that is
 * not blank.
 */
final class XlsxMutant {

    record Result(byte[] bytes, String description, int expectedRows) {}

    private final Random random;
    private final List<String> steps = new ArrayList<>();
    /** The sheet as cells: null = no cell; a String, Double, Boolean, LocalDate(Time), or a Formula. */
    private final List<Object[]> rows = new ArrayList<>();
    private final List<CellRangeAddress> merged = new ArrayList<>();
    private final List<Integer> hidden = new ArrayList<>();
    private boolean otherSheetFirst;
    private boolean unknownCount;

    /** A formula, with or without the value a spreadsheet program caches with it. */
    record Formula(String text, boolean evaluated) {}

    private XlsxMutant(Random random) {
        this.random = random;
    }

    static Result of(List<String> good, long seed) {
        Random random = new Random(seed);
        XlsxMutant m = new XlsxMutant(random);
        List<String> data = good.subList(1, good.size());
        int n = 1 + random.nextInt(Math.min(60, data.size()));
        int from = random.nextInt(data.size() - n + 1);
        m.rows.add(Arrays.copyOf(good.get(0).split(";", -1), good.get(0).split(";", -1).length, Object[].class));
        for (String line : data.subList(from, from + n)) {
            m.rows.add(m.typed(line.split(";", -1)));
        }
        return m.mutate();
    }

    /** Each cell as a registry would type it: numbers mostly as numbers, sometimes as text. */
    private Object[] typed(String[] cells) {
        Object[] row = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (c.isEmpty()) {
                row[i] = random.nextBoolean() ? null : "";
            } else if (c.matches("\\d+(,\\d+)?") && random.nextInt(3) > 0) {
                row[i] = Double.valueOf(c.replace(',', '.'));
            } else {
                row[i] = c;
            }
        }
        return row;
    }

    private Result mutate() {
        int count = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(3);
        boolean truncate = false;
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(16)) {
                case 0, 1 -> formula();
                case 2, 3 -> merge();
                case 4 -> date();
                case 5 -> numberAsText();
                case 6 -> set("boolean", Boolean.TRUE);
                case 7 -> set("error cell", new Formula("1/0", true));
                case 8 -> set("huge number", pickNumber());
                case 9 -> blankRows();
                case 10 -> hideRow();
                case 11 -> { otherSheetFirst = true; step("another sheet first"); }
                case 12 -> beyondHeader();
                case 13 -> set("long text", "x".repeat(1 + random.nextInt(32_767)));
                case 14 -> set("text", CsvMutant.NASTY_VALUES[random.nextInt(CsvMutant.NASTY_VALUES.length)]
                        .replace("\u0000", ""));
                default -> truncate = random.nextInt(3) == 0;
            }
        }
        byte[] bytes = write();
        if (truncate) {
            int at = random.nextInt(bytes.length);
            step("file truncated at byte " + at + " of " + bytes.length);
            bytes = Arrays.copyOf(bytes, at);
            unknownCount = true;
        }
        return new Result(bytes, steps.isEmpty() ? "unmutated sample" : String.join("; ", steps),
                unknownCount || otherSheetFirst ? -1 : expectedRows());
    }

    private void step(String s) {
        steps.add(s);
    }

    /** A cell of a data row (of the header, rarely or when there is no data row). */
    private int[] anyCell() {
        for (int tries = 0; tries < 50; tries++) {
            int r = random.nextInt(20) == 0 ? 0 : random.nextInt(rows.size());
            if (rows.get(r).length > 0) {
                return new int[] {r, random.nextInt(rows.get(r).length)};
            }
        }
        return new int[] {0, 0};
    }

    private void set(String what, Object value) {
        int[] at = anyCell();
        rows.get(at[0])[at[1]] = value;
        step(what + " at row " + (at[0] + 1) + " column " + (at[1] + 1) + ": "
                + CsvMutant.escape(CsvMutant.abbreviate(String.valueOf(value))));
    }

    private Object pickNumber() {
        double[] numbers = {1e308, -1, -0.5, 20.0000001, 1e-300, 123456789012345.0, Double.MAX_VALUE, 2147483648.0,
                Double.NaN, Double.POSITIVE_INFINITY, 0.1 + 0.2, 12.345678901234};
        return numbers[random.nextInt(numbers.length)];
    }

    private void formula() {
        int[] at = anyCell();
        Object v = rows.get(at[0])[at[1]];
        boolean evaluated = random.nextInt(4) > 0;
        String text = v instanceof Double d ? switch (random.nextInt(3)) {
            case 0 -> String.valueOf(d);
            case 1 -> "(" + d + "*2)/2";
            default -> "ROUND(" + d + ",2)";
        } : "\"" + String.valueOf(v == null ? "" : v).replace("\"", "\"\"") + "\"";
        if (random.nextInt(6) == 0) {
            text = pickFormula();
        }
        rows.get(at[0])[at[1]] = new Formula(text, evaluated);
        if (!evaluated) {
            unknownCount = true; // what a cell without a cached value reads as is the reader's business
        }
        step((evaluated ? "" : "unevaluated ") + "formula =" + text + " at row " + (at[0] + 1) + " column "
                + (at[1] + 1));
    }

    private String pickFormula() {
        String[] formulas = {"NA()", "SQRT(-1)", "1/0", "\"A\"&\"BJ\"", "TODAY()", "A1", "Sheet9!A1", "\"\"",
                "REPT(\"9\",300)", "10^400", "-5", "TRUE()", "INDIRECT(\"Z99\")"};
        return formulas[random.nextInt(formulas.length)];
    }

    private void merge() {
        int r = 1 + random.nextInt(Math.max(1, rows.size() - 1));
        if (r >= rows.size() || random.nextInt(8) == 0) {
            r = 0; // the header's cells too
        }
        int width = rows.get(0).length;
        int c = random.nextInt(width);
        boolean down = random.nextBoolean() && r + 1 < rows.size();
        int lastRow = down ? Math.min(rows.size() - 1, r + 1 + random.nextInt(3)) : r;
        int lastCol = down ? c : Math.min(width - 1, c + 1 + random.nextInt(2));
        if (lastRow == r && lastCol == c) {
            return;
        }
        for (CellRangeAddress m : merged) {
            if (m.intersects(new CellRangeAddress(r, lastRow, c, lastCol))) {
                return;
            }
        }
        // As a spreadsheet program merges: only the top-left value is kept.
        for (int i = r; i <= lastRow; i++) {
            for (int j = c; j <= lastCol; j++) {
                if (i != r || j != c) {
                    rows.get(i)[j] = null;
                }
            }
        }
        merged.add(new CellRangeAddress(r, lastRow, c, lastCol));
        step("merged rows " + (r + 1) + "-" + (lastRow + 1) + " columns " + (c + 1) + "-" + (lastCol + 1));
    }

    private void date() {
        Object value = random.nextBoolean() ? LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28))
                : LocalDateTime.of(2026, 1, 15, 9, 30);
        set("date", value);
    }

    private void numberAsText() {
        for (int tries = 0; tries < 20; tries++) {
            int[] at = anyCell();
            if (rows.get(at[0])[at[1]] instanceof Double d) {
                String text = switch (random.nextInt(4)) {
                    case 0 -> String.valueOf(d).replace('.', ',');
                    case 1 -> " " + d + " ";
                    case 2 -> "'" + d;
                    default -> String.valueOf(d);
                };
                rows.get(at[0])[at[1]] = text;
                step("number stored as text at row " + (at[0] + 1) + " column " + (at[1] + 1) + ": " + text);
                return;
            }
        }
    }

    private void blankRows() {
        int n = 1 + random.nextInt(3);
        int at = random.nextInt(rows.size() + 1);
        for (int i = 0; i < n; i++) {
            rows.add(at, random.nextBoolean() ? new Object[0] : new Object[] {"", null, " "});
        }
        step(n + " blank rows at row " + (at + 1));
    }

    private void hideRow() {
        int r = random.nextInt(rows.size());
        hidden.add(r);
        step("row " + (r + 1) + " hidden");
    }

    private void beyondHeader() {
        int r = 1 + random.nextInt(Math.max(1, rows.size() - 1));
        if (r < rows.size()) {
            Object[] row = Arrays.copyOf(rows.get(r), rows.get(r).length + 2);
            row[row.length - 1] = "beyond";
            rows.set(r, row);
            step("value beyond the header in row " + (r + 1));
        }
    }

    /** Rows after the header with a cell that is not blank, as written. */
    private int expectedRows() {
        int header = -1;
        int count = 0;
        for (int r = 0; r < rows.size(); r++) {
            boolean blank = true;
            for (Object v : rows.get(r)) {
                blank &= v == null || v instanceof String s && s.isBlank()
                        || v instanceof Formula f && (f.text().equals("\"\"") || f.text().equals("\"\"\"\"")
                        || f.text().equals("\" \""));
            }
            if (blank) {
                continue;
            }
            if (header < 0) {
                header = r;
            } else {
                count++;
            }
        }
        return count;
    }

    private byte[] write() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            if (otherSheetFirst) {
                wb.createSheet("Instructions").createRow(0).createCell(0).setCellValue("Saisir les notes ci-contre");
            }
            XSSFSheet sheet = wb.createSheet("data");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle dateTimeStyle = wb.createCellStyle();
            dateTimeStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            List<Cell> formulas = new ArrayList<>();
            List<Cell> unevaluated = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                Object[] cells = rows.get(r);
                for (int c = 0; c < cells.length; c++) {
                    Object v = cells[c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof String s) {
                        if (s.contains("\n") || random.nextInt(50) == 0) {
                            cell.setCellValue(new XSSFRichTextString(s));
                        } else {
                            cell.setCellValue(s);
                        }
                    } else if (v instanceof Double d) {
                        cell.setCellValue(d);
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else if (v instanceof LocalDateTime d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateTimeStyle);
                    } else if (v instanceof Formula f) {
                        try {
                            cell.setCellFormula(f.text());
                        } catch (RuntimeException e) { // a formula POI cannot parse: typed as text instead
                            cell.setCellValue("=" + f.text());
                            continue;
                        }
                        (f.evaluated() ? formulas : unevaluated).add(cell);
                    }
                }
                if (hidden.contains(r)) {
                    row.setZeroHeight(true);
                }
            }
            merged.forEach(sheet::addMergedRegion);
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            for (Cell cell : formulas) {
                try {
                    evaluator.evaluateFormulaCell(cell);
                } catch (RuntimeException e) { // e.g. a reference to a sheet that does not exist
                    unknownCount = true;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
