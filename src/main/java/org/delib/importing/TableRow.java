package org.delib.importing;

import java.util.List;

/**
 * One data row of an input table.
 *
 * @param line    the physical line (CSV) or sheet row number (xlsx) where the record starts, the header being line 1
 * @param cells   raw cell texts, untrimmed, as many as the record has
 * @param problem null when the row is well formed, else a short reason readable by an administrator
 *                (e.g. "4 fields where the header has 6", "invalid UTF-8 bytes: save the file as UTF-8",
 *                "unterminated quoted field")
 */
public record TableRow(long line, List<String> cells, String problem) {
}
