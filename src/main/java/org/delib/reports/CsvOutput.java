package org.delib.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.delib.rules.RulesProfile;

/**
 * The dialect of the CSV outputs, from the export profile: separator, decimal mark, encoding, line end and the
 * registrar's names for our columns and codes; marks with the rules profile's decimals. Identical inputs give
 * identical bytes.
 */
public final class CsvOutput {

    private final RulesProfile profile;
    private final ExportProfile settings;
    private final CSVFormat format;

    public CsvOutput(RulesProfile profile, ExportProfile settings) {
        this.profile = profile;
        this.settings = settings;
        this.format = CSVFormat.Builder.create()
                .setDelimiter(settings.separator())
                .setRecordSeparator("")
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
    }

    public Charset charset() {
        return Charset.forName(settings.encoding());
    }

    public char separator() {
        return settings.separator().charAt(0);
    }

    public String lineEnd() {
        return settings.lineEnd();
    }

    /** A mark with the profile's decimals, empty when it cannot be computed. */
    public String mark(BigDecimal mark) {
        return mark == null ? "" : decimal(mark.setScale(profile.decimals(), RoundingMode.HALF_UP));
    }

    /** Whole credits without decimals (RULES §12.17). */
    public String credits(BigDecimal credits) {
        BigDecimal c = credits.stripTrailingZeros();
        return c.scale() <= 0 ? c.toBigInteger().toString() : decimal(c);
    }

    private String decimal(BigDecimal value) {
        return value.toPlainString().replace(".", settings.decimalMark());
    }

    /** The registrar's name for one of our codes. */
    public String code(Enum<?> ours) {
        return settings.code(ours.name());
    }

    /** Writes {@code file}: the header, then every record (for the outputs written in one go). */
    public void write(Path file, List<String> header, Iterable<List<String>> records) {
        try (Writer w = Files.newBufferedWriter(file, charset())) {
            w.write(header(header) + lineEnd());
            for (List<String> record : records) {
                w.write(line(record) + lineEnd());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The records of a file this dialect wrote, header excepted, read afresh by each iterator. */
    public Iterable<String[]> records(Path file) {
        return () -> {
            try {
                Reader in = Files.newBufferedReader(file, charset());
                Iterator<CSVRecord> records = CSVFormat.Builder.create().setDelimiter(separator()).get().parse(in)
                        .iterator();
                if (records.hasNext()) {
                    records.next(); // the header
                }
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        boolean more = records.hasNext();
                        if (!more) {
                            try {
                                in.close();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        return more;
                    }

                    @Override
                    public String[] next() {
                        return records.next().values();
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        };
    }

    /** A header record: our column names as the registrar's import names them. */
    public String header(List<String> columns) {
        return line(columns.stream().map(settings::column).toList());
    }

    /** One record, without its line end; cells a spreadsheet would run as a formula are neutralised. */
    public String line(List<String> cells) {
        // Through the format itself: a CSVPrinter per record copies the format, a cost paid on every row written.
        StringBuilder out = new StringBuilder();
        try {
            boolean first = true;
            for (String cell : cells) {
                format.print(neutralise(cell), out, first);
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * OWASP's advice against formula injection, for every text a spreadsheet may open (CSV cells, workbook
     * cells): a leading quote keeps =, +, -, @, tab and CR from starting a formula. Null becomes empty.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
