package org.delib.reports.pv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.delib.rules.ElementResult;
import org.delib.rules.Matiere;
import org.delib.rules.Programme;
import org.delib.rules.Result;
import org.delib.rules.RulesProfile;
import org.delib.rules.Semester;
import org.delib.rules.StudentResult;
import org.delib.rules.Ue;

/**
 * releves/: one transcript (relevé de notes) per student, {@code <student_id>.pdf}, A4 portrait: every matière, UE,
 * semester and the year with mark, result, session and credits, then the decision. {@link #MERGED} holds them all,
 * one after the other, for printing.
 *
 * <p>Each transcript is drawn twice, into its own document and into the merged one, in the same pass: merging
 * afterwards would copy one font subset per student into the merged file. The merged document keeps its page
 * streams in a temporary file, so the heap stays flat whatever the cohort.
 */
public final class Transcripts {

    public static final String MERGED = "releves.pdf";
    private static final float FONT_SIZE = 8;

    private final RulesProfile profile;

    public Transcripts(RulesProfile profile) {
        this.profile = Objects.requireNonNull(profile);
    }

    /**
     * Writes the transcripts of {@code students} into {@code dir}, created if needed.
     *
     * @return the number of transcripts written
     */
    public int write(Path dir, PvHeader header, Programme programme, Iterable<StudentResult> students) {
        Numbers numbers = new Numbers(profile.decimals());
        int n = 0;
        try {
            Files.createDirectories(dir);
            try (PdfFonts fonts = new PdfFonts();
                 PDDocument merged = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
                Page all = new Page(header, programme, numbers);
                PdfPages allPages = new PdfPages(merged, fonts, PDRectangle.A4, all::start);
                for (StudentResult r : students) {
                    try (PDDocument one = new PDDocument()) {
                        Page page = new Page(header, programme, numbers);
                        page.draw(new PdfPages(one, fonts, PDRectangle.A4, page::start), r);
                        PdfPages.save(one, dir.resolve(fileName(r.student().id())));
                    }
                    all.draw(allPages, r);
                    n++;
                }
                allPages.finish();
                PdfPages.save(merged, dir.resolve(MERGED));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transcripts in " + dir, e);
        }
        return n;
    }

    /**
     * {@code <student_id>.pdf}; characters other than letters, digits, '.', '_' and '-' become '_', so that an id
     * can never name a file outside {@code dir}.
     */
    static String fileName(String studentId) {
        String safe = studentId.replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.startsWith(".") ? "_" + safe.substring(1) : safe) + ".pdf";
    }

    /** The pages of one transcript: drawn on whichever document's pages it is given. */
    private static final class Page {
        private final PvHeader header;
        private final Programme programme;
        private final Numbers numbers;
        /** The student being drawn, for the header of each of their pages. */
        private StudentResult student;

        Page(PvHeader header, Programme programme, Numbers numbers) {
            this.header = header;
            this.programme = programme;
            this.numbers = numbers;
        }

        /** The header of each page: institution, title, programme, session, and who the student is. */
        void start(PdfPages pages) throws IOException {
            pages.line(header.institution(), 10, true, false);
            pages.line("Relevé de notes" + (header.corrective() ? " — correctif après recours" : ""), 14, true,
                    true);
            pages.line(header.programmeLine(student.student().level()), 9, false, true);
            pages.line(header.sessionLine(), 9, false, true);
            pages.y -= 6;
            pages.line("Matricule : " + student.student().id() + "     Nom : " + student.student().lastName()
                    + "     Prénom : " + student.student().firstName() + "     Niveau : "
                    + student.student().level(), 9, true, false);
            pages.y -= 6;
        }

        void draw(PdfPages pages, StudentResult r) throws IOException {
            student = r;
            Map<String, ElementResult> byCode = new HashMap<>();
            r.elements().forEach(e -> byCode.put(e.code(), e));
            PdfTable table = new PdfTable(pages, List.of(
                    new PdfTable.Column("Code", 48, PdfTable.Align.LEFT),
                    new PdfTable.Column("Intitulé", pages.width() - 48 - 4 * 42 - 2 * 50, PdfTable.Align.LEFT),
                    new PdfTable.Column("Coef.", 42, PdfTable.Align.RIGHT),
                    new PdfTable.Column("Crédits", 42, PdfTable.Align.RIGHT),
                    new PdfTable.Column("Note /20", 42, PdfTable.Align.RIGHT),
                    new PdfTable.Column("Résultat", 50, PdfTable.Align.CENTER),
                    new PdfTable.Column("Session", 42, PdfTable.Align.CENTER),
                    new PdfTable.Column("Crédits acquis", 50, PdfTable.Align.RIGHT)), List.of(), FONT_SIZE);
            pages.newPage();
            table.header();
            for (Semester s : programme.semestersOf(r.student().level())) {
                for (Ue u : s.ues()) {
                    table.row(line(u.code(), u.title(), Numbers.credits(u.coefficient()), u.credits(),
                            byCode.get(u.code())), true, false);
                    for (Matiere m : u.matieres()) {
                        table.row(line(m.code(), "    " + m.title(), Numbers.credits(m.coefficient()), m.credits(),
                                byCode.get(m.code())), false, false);
                    }
                }
                table.row(line(s.code(), "Semestre " + s.code(), "", s.credits(), byCode.get(s.code())), true, true);
            }
            BigDecimal yearCredits = programme.semestersOf(r.student().level()).stream().map(Semester::credits)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            table.row(line(r.year().code(), "Année " + r.year().code(), "", yearCredits, r.year()), true, true);

            pages.ensure(70);
            pages.y -= 8;
            pages.line("Décision du jury : " + r.decision().name() + " (" + Codes.meaning(r.decision()) + ")", 10,
                    true, false);
            if (!r.nextLevel().isEmpty()) {
                pages.line("Niveau suivant : " + r.nextLevel(), 9, false, false);
            }
            if (!r.debts().isEmpty()) {
                pages.line("Dettes : " + String.join(", ", r.debts()), 9, false, false);
            }
            pages.line("Date du jury : " + header.juryDateText(), 9, false, false);
            pages.y -= 4;
            pages.line(Arrays.stream(Result.values()).map(c -> c.name() + " " + Codes.meaning(c))
                    .collect(Collectors.joining(" · ")), 6.5f, false, false);
            pages.finish();
        }

        private List<String> line(String code, String title, String coefficient, BigDecimal credits,
                                  ElementResult e) {
            List<String> cells = new ArrayList<>(List.of(code, title, coefficient, Numbers.credits(credits)));
            if (e == null) {
                cells.addAll(List.of("", "", "", ""));
            } else {
                cells.addAll(List.of(numbers.mark(e.mark()), e.result().name(), Integer.toString(e.session()),
                        Numbers.credits(e.credits())));
            }
            return cells;
        }
    }
}
