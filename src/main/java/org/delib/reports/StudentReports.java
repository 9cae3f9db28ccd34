package org.delib.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.delib.rules.ElementResult;
import org.delib.rules.Result;
import org.delib.rules.RulesProfile;
import org.delib.rules.StudentResult;
import org.delib.rules.Support;

/** The per-student CSV outputs of a session (FORMATS: Outputs), each a chunk-step writer into {@code dir}. */
public final class StudentReports {

    public static final String DECISIONS = "decisions.csv";
    public static final String RESULTS = "results.csv";
    public static final String RATTRAPAGE = "rattrapage.csv";
    public static final String MISSING = "missing.csv";
    public static final String JURY_CANDIDATES = "jury-candidates.csv";
    /** RULES §11: the students listed for tutoring, by priority. */
    public static final String SUPPORT = "accompagnement.csv";

    private StudentReports() {}

    /**
     * One per-student CSV output: its writer's name, its file, its columns, and the records of one student; or one
     * part of a file, {@code part} the name of the partitions' files for it.
     */
    private record Report(String name, String part, String file, List<String> columns,
                          Function<StudentResult, List<List<String>>> records) {
        Report(String name, String file, List<String> columns, Function<StudentResult, List<List<String>>> records) {
            this(name, file, file, columns, records);
        }
    }

    /** The per-student outputs of a session, in the order they are written. */
    private static List<Report> reports(CsvOutput out, RulesProfile profile, boolean withRattrapage) {
        List<Report> reports = new ArrayList<>();
        reports.add(new Report("decisions", DECISIONS, List.of("student_id", "last_name", "first_name", "level",
                "year_mark", "year_credits", "decision", "next_level", "debts"),
                r -> List.of(List.of(r.student().id(), r.student().lastName(), r.student().firstName(),
                        r.student().level(), out.mark(r.year().mark()), out.credits(r.year().credits()),
                        out.code(r.decision()), r.nextLevel(), String.join("|", r.debts())))));
        reports.add(new Report("results", RESULTS, List.of("student_id", "element", "kind", "mark", "result",
                "credits", "session"), r -> results(r, out)));
        if (withRattrapage) {
            reports.add(new Report("rattrapage", RATTRAPAGE, List.of("student_id", "last_name", "first_name",
                    "matiere", "semester"),
                    r -> r.convocations().stream().map(c -> List.of(r.student().id(), r.student().lastName(),
                            r.student().firstName(), c.matiere(), c.semester())).toList()));
        }
        reports.add(new Report("candidates", JURY_CANDIDATES, List.of("student_id", "element", "mark", "missing"),
                r -> candidates(r, out, profile)));
        reports.add(new Report("missing", MISSING, List.of("student_id", "matiere", "component"),
                r -> r.missing().stream().map(m -> List.of(r.student().id(), m.matiere(), m.component().column()))
                        .toList()));
        // By priority, then student id: a part per priority, each in student order, merged one after the other.
        for (int priority = 1; priority <= Support.LOWEST_PRIORITY; priority++) {
            int mine = priority;
            reports.add(new Report("support-" + priority, "accompagnement-" + priority + ".csv", SUPPORT,
                    List.of("student_id", "priority", "reason"), r -> {
                        Support.Assessment a = Support.assess(r, profile.supportBelow());
                        return a.listed() && a.priority() == mine
                                ? List.of(List.of(a.studentId(), Integer.toString(mine), a.reason())) : List.of();
                    }));
        }
        return reports;
    }

    /**
     * The writers of one part of the files, for the students of one partition: in {@code dir}, without headers;
     * {@link #merge} puts the parts together.
     */
    public static List<CsvItemWriter<StudentResult>> writers(Path dir, CsvOutput out, RulesProfile profile,
                                                             boolean withRattrapage) {
        return reports(out, profile, withRattrapage).stream()
                .map(report -> new CsvItemWriter<>(report.name(), dir.resolve(report.part()), out, report.records()))
                .toList();
    }

    /**
     * Writes each file into {@code dir}: its header, then its parts in order, each from every partition in order.
     * The partitions are consecutive ranges of student ids, so the file is the one a single pass would have written.
     * Safe to run again.
     */
    public static void merge(Path dir, List<Path> parts, CsvOutput out, RulesProfile profile,
                             boolean withRattrapage) {
        Map<String, List<Report>> files = new LinkedHashMap<>();
        reports(out, profile, withRattrapage).forEach(r -> files.computeIfAbsent(r.file(), f -> new ArrayList<>())
                .add(r));
        files.forEach((file, reports) -> {
            Path target = dir.resolve(file);
            Path aside = dir.resolve(file + ".merging");
            try {
                try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(aside))) {
                    w.write((out.header(reports.get(0).columns()) + out.lineEnd()).getBytes(out.charset()));
                    for (Report report : reports) {
                        for (Path part : parts) {
                            Path p = part.resolve(report.part());
                            if (Files.exists(p)) {
                                Files.copy(p, w);
                            }
                        }
                    }
                }
                Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
        });
    }

    /** RULES §12.17: every element and the year, by element code, with the earlier levels decided again (debts). */
    private static List<List<String>> results(StudentResult r, CsvOutput out) {
        List<ElementResult> elements = byCode(r);
        elements.addAll(r.earlier());
        elements.sort(Comparator.comparing(ElementResult::code));
        return elements.stream().map(e -> List.of(r.student().id(), e.code(), e.kind().name(), out.mark(e.mark()),
                out.code(e.result()), out.credits(e.credits()), Integer.toString(e.session()))).toList();
    }

    /**
     * Art. 51, RULES §8: the elements a rachat could raise — failed (AJ) with a mark below the pass mark by at
     * most the jury margin — with the points missing. An element failed by an exclusion, above the pass mark, is
     * no candidate. The run proposes; the jury decides.
     */
    private static List<List<String>> candidates(StudentResult r, CsvOutput out, RulesProfile profile) {
        return byCode(r).stream()
                .filter(e -> e.result() == Result.AJ && e.mark() != null && !profile.passes(e.mark())
                        && profile.passMark().subtract(e.mark()).compareTo(profile.juryMargin()) <= 0)
                .map(e -> List.of(r.student().id(), e.code(), out.mark(e.mark()),
                        out.mark(profile.passMark().subtract(e.mark()))))
                .toList();
    }

    private static List<ElementResult> byCode(StudentResult r) {
        List<ElementResult> elements = new ArrayList<>(r.elements());
        elements.add(r.year());
        elements.sort(Comparator.comparing(ElementResult::code));
        return elements;
    }
}
