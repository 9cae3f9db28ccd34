package org.delib.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streaming CSV reader: UTF-8 (BOM optional), ';' or ',' separator detected from the header line.
 * Malformed bytes are replaced, not fatal, so a file saved in another encoding yields rejects, not a crash.
 */
final class CsvTableReader implements TableReader {

    private static final char REPLACEMENT = '\uFFFD';
    /** How far the header line is scanned to detect the separator. */
    private static final int SNIFF_LIMIT = 64 * 1024;

    private final Path file;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private final char separator;
    private final List<String> columns;
    /** Physical lines fully consumed so far: the next record starts on the line after. */
    private long linesConsumed;
    /** Lines before the current parser's start: it counts from zero after a resumption. */
    private long lineOffset;
    private boolean ended;

    CsvTableReader(Path file) throws IOException {
        this.file = file;
        BufferedReader reader = open(file);
        try {
            separator = detectSeparator(reader);
            parse(reader);
            columns = readHeader();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        skipBom(reader);
        return reader;
    }

    private void parse(BufferedReader reader) throws IOException {
        // Empty lines come back as records (not skipped by the parser) so that line counting stays exact.
        parser = CSVFormat.DEFAULT.builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(false)
                .get()
                .parse(reader);
        records = parser.iterator();
    }

    /**
     * After a syntax error the parser cannot go on: read again from the line after the one where the bad record
     * started, so that only that row is lost (and rejected), never the rest of the file.
     */
    private void resumeAfter(long line) throws IOException {
        parser.close();
        BufferedReader reader = open(file);
        for (long i = 0; i < line && reader.readLine() != null; i++) {
            // readLine ends lines at \n, \r or \r\n, as the parser counts them
        }
        parse(reader);
        lineOffset = line;
        linesConsumed = line;
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** Counts ';' and ',' outside quotes on the header line; ';' wins a tie. */
    private static char detectSeparator(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_LIMIT);
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        boolean seenContent = false;
        for (int i = 0, c; i < SNIFF_LIMIT - 1 && (c = reader.read()) != -1; i++) {
            if (c == '"') {
                quoted = !quoted; // a doubled quote toggles twice: no net change
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seenContent) {
                    break; // leading blank lines are not the header
                }
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
            seenContent |= !Character.isWhitespace(c);
        }
        reader.reset();
        return commas > semicolons ? ',' : ';';
    }

    private List<String> readHeader() throws IOException {
        TableRow header = next();
        if (header == null) {
            throw new IOException("empty file, no header row");
        }
        if (header.problem() != null && header.cells().isEmpty()) {
            throw new IOException("cannot read the header row: " + header.problem());
        }
        List<String> names = new ArrayList<>();
        for (String cell : header.cells()) {
            names.add(cell.strip());
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean decimalComma() {
        return separator == ';';
    }

    @Override
    public TableRow next() throws IOException {
        while (!ended) {
            long line = linesConsumed + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    ended = true;
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException)) {
                    throw e.getCause(); // a real I/O failure, not bad content
                }
                resumeAfter(line);
                return new TableRow(line, List.of(), describe(e.getCause()));
            }
            linesConsumed = lineOffset + parser.getCurrentLineNumber();
            List<String> cells = record.toList();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            return new TableRow(line, cells, problem(cells));
        }
        return null;
    }

    private String problem(List<String> cells) {
        if (cells.stream().anyMatch(cell -> cell.indexOf(REPLACEMENT) >= 0)) {
            return "invalid UTF-8 bytes: save the file as UTF-8";
        }
        if (columns != null && cells.size() != columns.size()) {
            int n = cells.size();
            return n + (n == 1 ? " field" : " fields") + " where the header has " + columns.size();
        }
        return null;
    }

    private static String describe(Throwable parseError) {
        String message = String.valueOf(parseError.getMessage());
        return message.contains("EOF reached before encapsulated token finished")
                ? "unterminated quoted field"
                : message.contains("Invalid character between encapsulated token and delimiter")
                        ? "unexpected text after a closing quote"
                        : "unreadable CSV (" + message + ")";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
