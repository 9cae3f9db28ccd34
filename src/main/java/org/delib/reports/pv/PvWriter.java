package org.delib.reports.pv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.delib.rules.Decision;
import org.delib.rules.Programme;
import org.delib.rules.RulesProfile;
import org.delib.rules.StudentResult;

/**
 * The PV de délibération of one level of a programme (FORMATS: pv.xlsx, pv.pdf; RULES §8): a header, one line per
 * student with every UE and semester mark and result, the semester and year credits, the decision and the rachats
 * with their reasons, then the count of each decision and the legend; the PDF adds the jury's signatures.
 *
 * <p>Students are streamed: the writer iterates {@code students} once and keeps none of them, so the caller can
 * page through the database; decision counts are tallied on the way and returned. For the corrective PV after a
 * recours, pass a {@link PvHeader#corrective() corrective} header and only the students whose results changed.
 *
 * <p>{@code rachats} is jury.csv by student id; only the rachats that applied (the element is {@code ADJ}) are
 * printed. Marks are printed with the profile's decimals, as in the CSV outputs.
 */
public final class PvWriter {

    public static final String XLSX = "pv.xlsx";
    public static final String PDF = "pv.pdf";

    private final RulesProfile profile;

    public PvWriter(RulesProfile profile) {
        this.profile = Objects.requireNonNull(profile);
    }

    /**
     * A sheet after the PV: a name, column titles and rows, streamed like the students. See
     * {@link #convocations} and {@link #juryCandidates}; the final deliberation adds the ranking and orientation.
     */
    public record ExtraSheet(String name, List<String> header, Iterable<String[]> rows) {
        public ExtraSheet {
            header = List.copyOf(header);
        }
    }

    /** Session 1: the rattrapage convocations, one row per student and matière (the columns of rattrapage.csv). */
    public static ExtraSheet convocations(Iterable<StudentResult> students) {
        return new ExtraSheet("Convocations rattrapage", List.of("Matricule", "Nom", "Prénom", "Matière", "Semestre"),
                () -> flatten(students.iterator()));
    }

    /** Session 2: the jury's candidates, rows as in jury-candidates.csv (student_id, element, mark, missing). */
    public static ExtraSheet juryCandidates(Iterable<String[]> rows) {
        return new ExtraSheet("Candidats jury", List.of("Matricule", "Élément", "Moyenne", "Points manquants"), rows);
    }

    /**
     * Writes pv.xlsx: a "PV &lt;level&gt;" sheet, then the {@code extra} sheets in order.
     *
     * @return the count of each decision taken
     * @throws IllegalArgumentException when a student is not of {@code level}
     */
    public Map<Decision, Integer> writeXlsx(Path file, PvHeader header, Programme programme, String level,
                                           Iterable<StudentResult> students, Map<String, List<Rachat>> rachats,
                                           List<ExtraSheet> extra) {
        try {
            return PvXlsx.write(file, header, programme, level(programme, level), students, rachats, extra,
                    profile.decimals());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Writes pv.pdf, A4 landscape, with "n / N" page numbers and the signature block.
     *
     * @return the count of each decision taken
     * @throws IllegalArgumentException when a student is not of {@code level}
     */
    public Map<Decision, Integer> writePdf(Path file, PvHeader header, Programme programme, String level,
                                          Iterable<StudentResult> students, Map<String, List<Rachat>> rachats) {
        try {
            return PvPdf.write(file, header, programme, level(programme, level), students, rachats,
                    new Numbers(profile.decimals()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String level(Programme programme, String level) {
        if (!programme.hasLevel(level)) {
            throw new IllegalArgumentException("programme " + programme.code() + " has no semester of level " + level);
        }
        return level;
    }

    /** The convocation rows of the students, one student at a time. */
    private static Iterator<String[]> flatten(Iterator<StudentResult> students) {
        return new Iterator<>() {
            private final List<String[]> pending = new ArrayList<>();

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && students.hasNext()) {
                    StudentResult r = students.next();
                    r.convocations().forEach(c -> pending.add(new String[] {r.student().id(),
                            r.student().lastName(), r.student().firstName(), c.matiere(), c.semester()}));
                }
                return !pending.isEmpty();
            }

            @Override
            public String[] next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return pending.remove(0);
            }
        };
    }
}
