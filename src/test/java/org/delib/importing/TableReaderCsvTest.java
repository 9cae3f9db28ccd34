package org.delib.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderCsvTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String content) throws IOException {
        return write("in.csv", content.getBytes(StandardCharsets.UTF_8));
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
    void semicolonSeparatorWithBomAndDecimalComma() throws IOException {
        Path file = write("\uFEFF student_id ;matiere;exam\nE1;M1;12,5\nE2;M1; 14 \n");
        try (TableReader reader = TableReader.open(file)) {
            assertEquals(List.of("student_id", "matiere", "exam"), reader.columns());
            assertTrue(reader.decimalComma());
            assertEquals(List.of(
                    new TableRow(2, List.of("E1", "M1", "12,5"), null),
                    new TableRow(3, List.of("E2", "M1", " 14 "), null)), readAll(reader));
        }
    }

    @Test
    void commaSeparatorDetectedOutsideQuotes() throws IOException {
        // the quoted header name holds two ';' but only the commas separate
        Path file = write("\"a;b;c\",d,e\r\n1,\"x;y\",3\r\n");
        try (TableReader reader = TableReader.open(file)) {
            assertEquals(List.of("a;b;c", "d", "e"), reader.columns());
            assertFalse(reader.decimalComma());
            assertEquals(List.of(new TableRow(2, List.of("1", "x;y", "3"), null)), readAll(reader));
        }
    }

    @Test
    void tieGoesToSemicolon() throws IOException {
        Path file = write("a;b,c\n1;2,3\n");
        try (TableReader reader = TableReader.open(file)) {
            assertEquals(List.of("a", "b,c"), reader.columns());
            assertEquals(List.of(new TableRow(2, List.of("1", "2,3"), null)), readAll(reader));
        }
    }

    @Test
    void singleColumnFile() throws IOException {
        try (TableReader reader = TableReader.open(write("student_id\nE1\nE2"))) {
            assertEquals(List.of("student_id"), reader.columns());
            assertEquals(List.of(new TableRow(2, List.of("E1"), null), new TableRow(3, List.of("E2"), null)),
                    readAll(reader));
        }
    }

    @Test
    void exactLinesWithBlankLinesAndMultilineQuotedFields() throws IOException {
        String csv = "id;comment\n"        // 1
                + "\n"                     // 2 blank
                + "A;\"two\nlines\"\n"     // 3-4
                + "B;plain\n"              // 5
                + "   \n"                  // 6 blank (spaces)
                + ";\n"                    // 7 only empty fields: blank
                + "C;\"x\n\ny\"\n"         // 8-10, with an empty line inside the quotes
                + "\n\n"                   // 11, 12
                + "D;last";                // 13, no final newline
        try (TableReader reader = TableReader.open(write(csv))) {
            assertEquals(List.of(
                    new TableRow(3, List.of("A", "two\nlines"), null),
                    new TableRow(5, List.of("B", "plain"), null),
                    new TableRow(8, List.of("C", "x\n\ny"), null),
                    new TableRow(13, List.of("D", "last"), null)), readAll(reader));
        }
    }

    @Test
    void exactLinesWithCrlf() throws IOException {
        String csv = "id;comment\r\n\r\nA;\"two\r\nlines\"\r\nB;x\r\n";
        try (TableReader reader = TableReader.open(write(csv))) {
            assertEquals(List.of(
                    new TableRow(3, List.of("A", "two\r\nlines"), null),
                    new TableRow(5, List.of("B", "x"), null)), readAll(reader));
        }
    }

    @Test
    void leadingBlankLinesBeforeHeaderKeepPhysicalLines() throws IOException {
        try (TableReader reader = TableReader.open(write("\n\na,b\n1,2\n"))) {
            assertEquals(List.of("a", "b"), reader.columns());
            assertFalse(reader.decimalComma());
            assertEquals(List.of(new TableRow(4, List.of("1", "2"), null)), readAll(reader));
        }
    }

    @Test
    void wrongFieldCountIsReturnedWithProblem() throws IOException {
        String csv = "a;b;c\n1;2\n1;2;3;4\n5\n1;2;3\n";
        try (TableReader reader = TableReader.open(write(csv))) {
            assertEquals(List.of(
                    new TableRow(2, List.of("1", "2"), "2 fields where the header has 3"),
                    new TableRow(3, List.of("1", "2", "3", "4"), "4 fields where the header has 3"),
                    new TableRow(4, List.of("5"), "1 field where the header has 3"),
                    new TableRow(5, List.of("1", "2", "3"), null)), readAll(reader));
        }
    }

    @Test
    void isoLatin1FileGivesFlaggedRowsNotExceptions() throws IOException {
        byte[] latin1 = "id;last_name\nE1;Hélène\nE2;Martin\n".getBytes(StandardCharsets.ISO_8859_1);
        try (TableReader reader = TableReader.open(write("latin1.csv", latin1))) {
            assertEquals(List.of("id", "last_name"), reader.columns());
            assertEquals(List.of(
                    new TableRow(2, List.of("E1", "H\uFFFDl\uFFFDne"), "invalid UTF-8 bytes: save the file as UTF-8"),
                    new TableRow(3, List.of("E2", "Martin"), null)), readAll(reader));
        }
    }

    @Test
    void unterminatedQuoteGivesOneProblemRowThenReadsOn() throws IOException {
        String csv = "a;b\n1;2\n3;\"open\n4;5\n6;7\n";
        try (TableReader reader = TableReader.open(write(csv))) {
            assertEquals(List.of(
                    new TableRow(2, List.of("1", "2"), null),
                    new TableRow(3, List.of(), "unterminated quoted field"),
                    new TableRow(4, List.of("4", "5"), null),
                    new TableRow(5, List.of("6", "7"), null)),
                    readAll(reader));
        }
    }

    @Test
    void textAfterClosingQuoteGivesOneProblemRowThenReadsOn() throws IOException {
        String csv = "a;b\n\n1;\"x\"y\n4;5\n";
        try (TableReader reader = TableReader.open(write(csv))) {
            assertEquals(List.of(
                    new TableRow(3, List.of(), "unexpected text after a closing quote"),
                    new TableRow(4, List.of("4", "5"), null)),
                    readAll(reader));
        }
    }

    @Test
    void emptyFileHasNoHeader() throws IOException {
        for (String content : new String[] {"", "\uFEFF", "\n\n  \n"}) {
            Path file = write(content);
            IOException e = assertThrows(IOException.class, () -> TableReader.open(file));
            assertEquals("empty file, no header row", e.getMessage());
        }
    }

    @Test
    void headerOnlyFileHasNoRows() throws IOException {
        try (TableReader reader = TableReader.open(write("a;b\r\n"))) {
            assertEquals(List.of("a", "b"), reader.columns());
            assertNull(reader.next());
        }
    }

    @Test
    void extensionIsCaseInsensitiveAndUnknownOnesAreRefused() throws IOException {
        Path upper = write("MARKS.CSV", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
        try (TableReader reader = TableReader.open(upper)) {
            assertEquals(List.of("a", "b"), reader.columns());
        }
        Path txt = write("marks.txt", "a;b\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> TableReader.open(txt));
    }

    /** A large file is streamed: memory must not grow with the number of rows. */
    @Test
    void streamsManyRows() throws IOException {
        Path file = dir.resolve("big.csv");
        int count = 300_000;
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("student_id;matiere;session;exam;cc;tp\n");
            for (int i = 0; i < count; i++) {
                out.write("E" + i + ";M1;1;12,5;;ABJ\n");
            }
        }
        try (TableReader reader = TableReader.open(file)) {
            long rows = 0;
            TableRow last = null;
            for (TableRow row; (row = reader.next()) != null; rows++) {
                assertNull(row.problem());
                last = row;
            }
            assertEquals(count, rows);
            assertEquals(count + 1L, last.line());
        }
    }
}
