package org.delib.deliberation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.delib.rules.ElementKind;
import org.delib.rules.ElementResult;
import org.delib.rules.Result;

/**
 * A student's element results as one text, kept with their decision ({@code delib_decision.results}) so that the
 * documents and the ranking read a student in one row: {@code code kind mark result credits session}, ';' between
 * elements, "-" for a mark that cannot be computed. Codes never hold a space or a ';' (the programme's code
 * pattern). Marks keep 4 decimals and credits 2, as the columns of {@code delib_result} do.
 */
public final class PackedResults {

    private PackedResults() {}

    public static String pack(List<ElementResult> results) {
        StringBuilder b = new StringBuilder(results.size() * 32);
        for (ElementResult e : results) {
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(e.code()).append(' ').append(e.kind().name()).append(' ')
                    .append(e.mark() == null ? "-" : e.mark().setScale(4, RoundingMode.HALF_UP).toPlainString())
                    .append(' ').append(e.result().name()).append(' ')
                    .append(e.credits().setScale(2, RoundingMode.HALF_UP).toPlainString()).append(' ')
                    .append(e.session());
        }
        return b.toString();
    }

    /** The results {@link #pack} packed, by element code, marks and credits as their columns would give them. */
    public static Map<String, ElementResult> unpack(String packed) {
        Map<String, ElementResult> byCode = new HashMap<>();
        if (packed == null || packed.isEmpty()) {
            return byCode;
        }
        for (String element : packed.split(";")) {
            String[] f = element.split(" ");
            byCode.put(f[0], new ElementResult(f[0], ElementKind.valueOf(f[1]),
                    f[2].equals("-") ? null : new BigDecimal(f[2]), Result.valueOf(f[3]), new BigDecimal(f[4]),
                    Integer.parseInt(f[5])));
        }
        return byCode;
    }
}
