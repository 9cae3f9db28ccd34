package org.delib.reports;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.delib.importing.InputException;
import org.delib.importing.Yaml;

/**
 * How the CSV outputs are written for a registrar's import (FORMATS: Outputs): separator, decimal mark, encoding,
 * line end, the names of the columns and of our result codes. Chosen per job definition ({@code export:});
 * {@link #defaults()} is the contract's own format.
 *
 * @param codes   our code → the registrar's (e.g. {@code CMP: COMP}); a code not listed keeps its name
 * @param columns our column → the registrar's (e.g. {@code student_id: COD_ETU}); likewise
 */
public record ExportProfile(String name, String separator, String decimalMark, String encoding, String lineEnd,
                            Map<String, String> codes, Map<String, String> columns) {

    public ExportProfile {
        codes = Map.copyOf(codes);
        columns = Map.copyOf(columns);
    }

    public static ExportProfile defaults() {
        return new ExportProfile("contract", ";", ".", "UTF-8", "\n", Map.of(), Map.of());
    }

    /**
     * The profile a job definition names: nothing for the contract's format, a file, or a profile shipped under
     * {@code exports/} (such as {@code sis-fr}).
     */
    public static ExportProfile load(String spec) {
        if (spec == null || spec.isBlank()) {
            return defaults();
        }
        Path file = Path.of(spec);
        boolean isFile = Files.isRegularFile(file);
        ExportProfile p = Yaml.settings(defaults(), ExportProfile.class, "exports", isFile ? null : spec,
                isFile ? file : null, null);
        if (!p.problems().isEmpty()) {
            throw new InputException("export profile " + spec + ": " + String.join("; ", p.problems()));
        }
        return p;
    }

    public String code(String ours) {
        return codes.getOrDefault(ours, ours);
    }

    public String column(String ours) {
        return columns.getOrDefault(ours, ours);
    }

    /** What makes this profile unusable; empty when it is valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (separator == null || separator.length() != 1 || separator.equals(decimalMark) || separator.equals("\"")) {
            p.add("separator must be one character, other than the decimal mark and the quote");
        }
        if (!Set.of(".", ",").contains(decimalMark)) {
            p.add("decimal_mark must be . or ,");
        }
        if (!Set.of("\n", "\r\n").contains(lineEnd)) {
            p.add("line_end must be \\n or \\r\\n");
        }
        try {
            Charset.forName(encoding);
        } catch (RuntimeException e) {
            p.add("unknown encoding " + encoding);
        }
        return p;
    }
}
