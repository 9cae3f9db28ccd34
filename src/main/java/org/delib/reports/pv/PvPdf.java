package org.delib.reports.pv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.delib.rules.Decision;
import org.delib.rules.ElementResult;
import org.delib.rules.Programme;
import org.delib.rules.Semester;
import org.delib.rules.StudentResult;
import org.delib.rules.Ue;

/**
 * pv.pdf: the PV for printing and signing, A4 landscape. Every page starts with the document header and the table's
 * column titles; after the students come the count of each decision, the legend and the jury's signatures. The
 * page streams go to a temporary file as they are written, so the heap does not grow with the cohort.
 */
final class PvPdf {

    private static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float FONT_SIZE = 7;
    private static final float MIN_FONT_SIZE = 4.5f;
    /** Room the two flexible columns need at least: the names, and the rachats with their reasons. */
    private static final float NAME_MIN = 95;
    private static final float RACHATS_MIN = 110;

    private final PvHeader header;
    private final String level;
    private final Numbers numbers;

    private PvPdf(PvHeader header, String level, Numbers numbers) {
        this.header = header;
        this.level = level;
        this.numbers = numbers;
    }

    static Map<Decision, Integer> write(Path file, PvHeader header, Programme programme, String level,
                                        Iterable<StudentResult> students, Map<String, List<Rachat>> rachats,
                                        Numbers numbers) throws IOException {
        try (PdfFonts fonts = new PdfFonts();
             PDDocument doc = PdfPages.scratchBeside(file)) {
            Map<Decision, Integer> counts = new PvPdf(header, level, numbers)
                    .draw(doc, fonts, programme.semestersOf(level), students, rachats);
            PdfPages.save(doc, file, header);
            return counts;
        }
    }

    private Map<Decision, Integer> draw(PDDocument doc, PdfFonts fonts, List<Semester> semesters,
                                        Iterable<StudentResult> students, Map<String, List<Rachat>> rachats)
            throws IOException {
        PdfPages pages = new PdfPages(doc, fonts.full(), LANDSCAPE, this::pageHeader);
        PdfTable table = table(pages, semesters);
        pages.newPage();
        table.header();

        PvLine.Tally tally = new PvLine.Tally();
        for (StudentResult result : students) {
            PvLine line = PvLine.of(result, level, rachats);
            tally.add(result.decision());
            List<String> cells = new ArrayList<>(List.of(Integer.toString(tally.total()), line.id(), line.name()));
            for (Semester s : semesters) {
                for (Ue u : s.ues()) {
                    cells.add(markAndResult(line.element(u.code())));
                }
                ElementResult e = line.element(s.code());
                cells.addAll(List.of(mark(e), result(e), credits(e)));
            }
            ElementResult y = line.element(level);
            cells.addAll(List.of(mark(y), credits(y), result.decision().name(), line.debtsText(),
                    line.rachatText()));
            table.row(cells, false, tally.total() % 2 == 0);
        }
        if (tally.total() == 0) {
            pages.line("Aucun étudiant.", 9, false, false);
        }

        totals(pages, tally);
        legend(pages);
        signatures(pages);
        pages.number("PV " + header.programmeCode() + " " + level + " — " + header.academicYear() + " — session "
                + header.session() + (header.corrective() ? " — correctif" : ""));
        pages.embedGlyphs();
        return tally.counts();
    }

    /** Institution, title, programme and session, at the top of every page. */
    private void pageHeader(PdfPages pages) throws IOException {
        pages.line(header.institution(), 10, true, false);
        pages.line(header.title(), 13, true, true);
        if (header.corrective()) {
            pages.line("Ne figurent ici que les étudiants dont les résultats ont changé après recours.", 8, false,
                    true);
        }
        pages.line(header.programmeLine(level) + " — " + header.sessionLine(), 8.5f, false, true);
        pages.y -= 6;
    }

    /**
     * N°, matricule and name; each UE's mark and result; each semester's mark, result and credits; the year's mark,
     * credits, decision and debts ({@link PvLine#debtsText}); the rachats. The fixed columns are sized for their
     * widest content; when they leave too little room for names and rachats (a maquette with many UEs), the whole
     * table is set smaller.
     */
    private PdfTable table(PdfPages pages, List<Semester> semesters) throws IOException {
        float size = FONT_SIZE;
        while (true) {
            List<PdfTable.Column> cols = new ArrayList<>();
            cols.add(col(pages, "N°", "9999", size, PdfTable.Align.RIGHT));
            cols.add(col(pages, "Matricule", "ETU-000000", size, PdfTable.Align.LEFT));
            cols.add(null); // the name: sized last
            List<PdfTable.Group> groups = new ArrayList<>(List.of(new PdfTable.Group("Étudiant", 3)));
            for (Semester s : semesters) {
                for (Ue u : s.ues()) {
                    cols.add(col(pages, u.code(), "20.00 ADM", size, PdfTable.Align.CENTER));
                }
                cols.add(col(pages, "Moy.", "20.00", size, PdfTable.Align.RIGHT));
                cols.add(col(pages, "Rés.", "ADM", size, PdfTable.Align.CENTER));
                cols.add(col(pages, "Créd.", "30", size, PdfTable.Align.RIGHT));
                groups.add(new PdfTable.Group("Semestre " + s.code(), s.ues().size() + 3));
            }
            cols.add(col(pages, "Moy.", "20.00", size, PdfTable.Align.RIGHT));
            cols.add(col(pages, "Créd.", "60", size, PdfTable.Align.RIGHT));
            cols.add(col(pages, "Décision", "AJAC", size, PdfTable.Align.CENTER));
            cols.add(col(pages, "Dettes", "L1 réglée", size, PdfTable.Align.LEFT)); // longer lists wrap
            groups.add(new PdfTable.Group("Année " + level, 4));
            groups.add(new PdfTable.Group("Jury", 1));
            float fixed = cols.stream().filter(c -> c != null).map(PdfTable.Column::width).reduce(0f, Float::sum);
            float free = pages.width() - fixed;
            if (free >= NAME_MIN + RACHATS_MIN || size <= MIN_FONT_SIZE) {
                float name = Math.max(NAME_MIN, free * 0.45f);
                cols.set(2, new PdfTable.Column("Nom et prénom", name, PdfTable.Align.LEFT));
                cols.add(new PdfTable.Column("Rachats (élément : motif)", Math.max(RACHATS_MIN, free - name),
                        PdfTable.Align.LEFT));
                return new PdfTable(pages, cols, groups, size);
            }
            float shrink = size * (pages.width() - NAME_MIN - RACHATS_MIN) / fixed;
            size = Math.max(MIN_FONT_SIZE, Math.min(size - 0.25f, shrink));
        }
    }

    private static PdfTable.Column col(PdfPages pages, String title, String widest, float size, PdfTable.Align align)
            throws IOException {
        return new PdfTable.Column(title, Math.max(pages.width(title, size), pages.width(widest, size)) + 6, align);
    }

    private String mark(ElementResult e) {
        return e == null ? "" : numbers.mark(e.mark());
    }

    private static String result(ElementResult e) {
        return e == null ? "" : e.result().name();
    }

    private String credits(ElementResult e) {
        return e == null ? "" : Numbers.credits(e.credits());
    }

    /** "12.50 ADM" in one cell, to keep a UE to one column. */
    private String markAndResult(ElementResult e) {
        return (mark(e) + " " + result(e)).strip();
    }

    /** The count of each decision taken, and the total. */
    private void totals(PdfPages pages, PvLine.Tally tally) throws IOException {
        Map<Decision, Integer> counts = tally.counts();
        pages.ensure(30 + 11 * (counts.size() + 1));
        pages.y -= 10;
        pages.line("Effectifs par décision", 9, true, false);
        pages.y -= 2;
        PdfTable t = new PdfTable(pages, List.of(
                new PdfTable.Column("Décision", 50, PdfTable.Align.LEFT),
                new PdfTable.Column("Signification", 150, PdfTable.Align.LEFT),
                new PdfTable.Column("Effectif", 50, PdfTable.Align.RIGHT)), List.of(), 8);
        t.header();
        for (Map.Entry<Decision, Integer> e : counts.entrySet()) {
            t.row(List.of(e.getKey().name(), Codes.meaning(e.getKey()), e.getValue().toString()), false, false);
        }
        t.row(List.of("Total", "", Integer.toString(tally.total())), true, false);
    }

    /** Every code, in three columns. */
    private void legend(PdfPages pages) throws IOException {
        List<Map.Entry<String, String>> codes = new ArrayList<>(Codes.LEGEND.entrySet());
        int perColumn = (codes.size() + 2) / 3;
        pages.ensure(24 + 10 * perColumn);
        pages.y -= 8;
        pages.line("Légende", 9, true, false);
        float top = pages.y;
        float columnWidth = pages.width() / 3;
        for (int i = 0; i < codes.size(); i++) {
            float x = pages.left() + (i / perColumn) * columnWidth;
            float baseline = top - 10 * (i % perColumn + 1);
            pages.text(codes.get(i).getKey(), x, baseline, 8, true);
            pages.text(codes.get(i).getValue(), x + 32, baseline, 8, false);
        }
        pages.y = top - 10 * perColumn;
    }

    /** The date, then room for the president's and the members' names and signatures. */
    private void signatures(PdfPages pages) throws IOException {
        float height = 110;
        pages.ensure(height + 20);
        pages.y -= 12;
        pages.line("Délibéré le " + header.juryDateText() + ".", 9, false, false);
        float top = pages.y - 6;
        float boxWidth = (pages.width() - 20) / 2;
        pages.rect(pages.left(), top - height, boxWidth, height, null, true);
        pages.text("Le président du jury", pages.left() + 6, top - 12, 9, true);
        pages.text("Nom :", pages.left() + 6, top - 32, 8, false);
        pages.text("Signature :", pages.left() + 6, top - 52, 8, false);
        float x = pages.left() + boxWidth + 20;
        pages.rect(x, top - height, boxWidth, height, null, true);
        pages.text("Les membres du jury (nom et signature)", x + 6, top - 12, 9, true);
        for (int i = 0; i < 4; i++) {
            float baseline = top - 34 - 20 * i;
            pages.rule(x + 6, baseline, x + boxWidth / 2 - 8, baseline);
            pages.rule(x + boxWidth / 2 + 2, baseline, x + boxWidth - 6, baseline);
        }
        pages.y = top - height;
    }
}
