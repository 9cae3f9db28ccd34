package org.delib.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A student's results of earlier years in the cycle — kept by earlier runs, or given by history.csv for years not
 * deliberated by Délib: UE, semester and year lines (RULES §7, §12.14); and the final decisions of the earlier runs
 * (history.csv has none). A year's run may also hold lines of an earlier level decided again (debts, Art. 32).
 */
public record History(List<Line> lines, List<Year> years) {

    public static final History NONE = new History(List.of());

    /** One earlier result; {@code element} is a UE, semester or year-level code. */
    public record Line(String academicYear, String element, BigDecimal mark, BigDecimal credits, Result result,
                       int session) {}

    /** The final decision of an earlier year's run: the student's level that year and the decision. */
    public record Year(String academicYear, String level, Decision decision) {}

    /** Lines without decisions (history.csv). */
    public History(List<Line> lines) {
        this(lines, List.of());
    }

    public History {
        lines = List.copyOf(lines);
        years = List.copyOf(years);
    }

    /** The latest result of an element, if the student has one. */
    public Optional<Line> latest(String element) {
        return lines.stream().filter(l -> l.element().equals(element)).max(Comparator.comparing(Line::academicYear));
    }

    /**
     * This history with every line of the {@code results}' elements replaced by them, as of {@code academicYear}: an
     * earlier level decided again (a debt paid off, Art. 32) supersedes what it was first, and what a year between
     * decided again of it (a student who repeated a later level kept owing it).
     */
    public History replacing(String academicYear, List<ElementResult> results) {
        Set<String> codes = results.stream().map(ElementResult::code).collect(Collectors.toSet());
        List<Line> replaced = new ArrayList<>(lines.stream().filter(l -> !codes.contains(l.element())).toList());
        results.forEach(e -> replaced.add(new Line(academicYear, e.code(), e.mark(), e.credits(), e.result(),
                e.session())));
        return new History(replaced, years);
    }

    /** Credits earned in the earlier levels of the cycle: each level's year line, or else its semesters'. */
    public BigDecimal creditsBefore(Programme programme, String level) {
        BigDecimal total = BigDecimal.ZERO;
        for (String earlier : programme.cycle().levels()) {
            if (earlier.equals(level)) {
                break;
            }
            Optional<Line> year = latest(earlier);
            if (year.isPresent()) {
                total = total.add(year.get().credits());
            } else {
                for (Semester s : programme.semestersOf(earlier)) {
                    total = total.add(latest(s.code()).map(Line::credits).orElse(BigDecimal.ZERO));
                }
            }
        }
        return total;
    }
}
