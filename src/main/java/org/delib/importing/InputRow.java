package org.delib.importing;

/**
 * A data row of an input file, its values in the order of {@link InputFile#columns()} (null for a column the file
 * lacks), with the problem that makes it unreadable, if any.
 */
public record InputRow(long line, String[] values, String problem, boolean decimalComma) {}
