package org.delib.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

    /** A header record: our column names as the registrar's import names them. */
    public String header(List<String> columns) {
        return line(columns.stream().map(settings::column).toList());
    }

    /** One record, without its line end; cells a spreadsheet would run as a formula are neutralised. */
    public String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (String cell : cells) {
                printer.print(neutralise(cell));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** OWASP's advice for CSV injection: a leading quote keeps =, +, -, @, tab and CR from starting a formula. */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
