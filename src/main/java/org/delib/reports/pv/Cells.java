package org.delib.reports.pv;

/**
 * Text that goes into a spreadsheet cell. Same rule as {@code CsvOutput.neutralise} in org.delib.reports (to be
 * merged with it): OWASP's advice against formula injection, a leading quote before =, +, -, @, tab or CR, so
 * that a name or a code typed as "=HYPERLINK(...)" stays text in whatever opens or re-exports the workbook.
 */
public final class Cells {

    private Cells() {}

    /** {@code text} made safe for a cell; null becomes empty. */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
