package org.delib.importing;

/** An input row that cannot be used, with where and why (FORMATS: rejects.csv). */
public record Reject(InputFile file, String fileName, long line, String column, String value, String reason) {

    /** Long enough to read, short enough for a spreadsheet cell and the database column. */
    static final int MAX_VALUE = 1000;

    public Reject {
        value = value == null ? "" : value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE - 1) + "…" : value;
    }
}
