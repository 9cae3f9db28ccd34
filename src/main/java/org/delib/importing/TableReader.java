package org.delib.importing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Streams the rows of one input table (.csv or .xlsx), header first.
 * Rows that cannot be read properly are still returned, with a {@link TableRow#problem()},
 * so that the caller can reject them with their line number instead of stopping.
 */
public interface TableReader extends Closeable {

    /** Opens a .csv or .xlsx file (by extension, case-insensitive); reads the header row. */
    static TableReader open(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvTableReader(file);
        }
        if (name.endsWith(".xlsx")) {
            return new XlsxTableReader(file);
        }
        throw new IOException(file.getFileName() + ": unsupported file type (expected .csv or .xlsx)");
    }

    /** Header names, trimmed, BOM stripped, in file order. */
    List<String> columns();

    /** True where a decimal comma is allowed in values: CSV with ';' separator, and xlsx (text cells). */
    boolean decimalComma();

    /** Next data row, or null at end of input. Blank lines/rows are skipped silently. */
    TableRow next() throws IOException;
}
