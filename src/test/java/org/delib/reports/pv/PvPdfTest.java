package org.delib.reports.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.delib.rules.Decision;
import org.delib.rules.StudentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pv.pdf written for the known cohort, read back with PDFBox's text extraction. */
class PvPdfTest {

    @TempDir
    Path dir;

    private Path write(boolean corrective, List<StudentResult> students) {
        Path file = dir.resolve(PvWriter.PDF);
        Map<Decision, Integer> counts = new PvWriter(PvFixtures.PROFILE).writePdf(file, PvFixtures.header(corrective),
                PvFixtures.programme(), "L1", students, PvFixtures.rachats());
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(students.size());
        return file;
    }

    /** The text of each page. */
    private static List<String> pages(PDDocument doc) throws IOException {
        List<String> pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            pages.add(stripper.getText(doc));
        }
        return pages;
    }

    /** The cohort then enough students for several pages. */
    private static List<StudentResult> severalPages() {
        List<StudentResult> all = new ArrayList<>(PvFixtures.cohort());
        all.addAll(PvFixtures.filler(60));
        return all;
    }

    /**
     * Written again (by a restarted run), the PV has the same bytes: its /ID comes from the run's header and the
     * file's name, where PDFBox would draw it from the clock.
     */
    @Test
    void writtenAgainWithTheSameBytes() throws Exception {
        byte[] first = Files.readAllBytes(write(false, PvFixtures.cohort()));
        Thread.sleep(5);
        assertThat(Files.readAllBytes(write(false, PvFixtures.cohort()))).isEqualTo(first);
        try (PDDocument doc = Loader.loadPDF(first)) {
            assertThat(doc.getDocument().getDocumentID()).hasSize(2);
        }
        byte[] corrective = Files.readAllBytes(write(true, PvFixtures.cohort()));
        try (PDDocument a = Loader.loadPDF(first); PDDocument b = Loader.loadPDF(corrective)) {
            assertThat(b.getDocument().getDocumentID().toString()).isNotEqualTo(a.getDocument().getDocumentID()
                    .toString());
        }
    }

    @Test
    void everyPageHasTheHeaderAndItsNumber() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write(false, severalPages()).toFile())) {
            PDPage first = doc.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isGreaterThan(first.getMediaBox().getHeight()); // landscape
            List<String> pages = pages(doc);
            int n = pages.size();
            assertThat(n).isGreaterThan(2);
            for (int p = 0; p < n; p++) {
                assertThat(pages.get(p))
                        .contains("Université de Thiès — UFR Sciences et Technologies")
                        .contains("Procès-verbal de délibération")
                        .contains("LIC-INFO — Licence Informatique — niveau L1")
                        .contains("Année universitaire 2025-2026 — Session 1 (session normale) — jury du 12/07/2026")
                        .contains((p + 1) + " / " + n);
            }
            // The table's column titles on every page with students.
            assertThat(pages.get(1)).contains("Semestre S1").contains("Nom et prénom").contains("UEF21");
        }
    }

    @Test
    void studentLinesWithAccentsMarksDecisionsAndRachats() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write(false, PvFixtures.cohort()).toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Diop Ndèye Aïssatou");
            // E003: UEF21 6.00 AJ ... S2 9.00 AJ 15, year 11.00 60 CMP.
            assertThat(text).containsSubsequence("E003", "Ba Ousmane", "13.00 ADM", "6.00 AJ", "12.00 ADM",
                    "12.00 ADM", "9.00", "AJ", "15", "11.00", "60", "CMP");
            // The reason wraps in its cell: read it with line ends as spaces.
            assertThat(text.replaceAll("\\s+", " ")).containsSubsequence("E005", "10.00 ADJ", "12.50", "ADM", "30",
                    "UEF11 : Assiduité exemplaire, décision unanime");
            assertThat(text).doesNotContain("Erreur de saisie"); // the refused rachat
            // A formula in a name is plain text in a PDF: printed as typed (and wrapped in its cell).
            assertThat(text).contains("E002 =HYPERLINK(\"http://example.");
            // The font is embedded (subset), so the accents do not depend on the reader's fonts.
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            // A subset's name carries its tag: the whole font (hundreds of KB) is not in the file.
            assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSans");
        }
    }

    @Test
    void totalsLegendAndSignatures() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write(false, PvFixtures.cohort()).toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).containsSubsequence("Effectifs par décision", "ADM", "acquis, admis(e)", "3",
                    "CMP", "1", "RAT", "convoqué(e) au rattrapage", "1", "ATT", "1", "Total", "6");
            assertThat(text).containsSubsequence("Légende", "ADJ", "acquis par rachat du jury");
            assertThat(text).contains("NAR").contains("non autorisé(e) à se réinscrire");
            assertThat(text).containsSubsequence("Délibéré le 12/07/2026.", "Le président du jury",
                    "Les membres du jury");
            assertThat(text).contains("1 / 1");
        }
    }

    @Test
    void correctivePvCarriesItsTitleAndOnlyTheChangedStudents() throws IOException {
        List<StudentResult> changed = PvFixtures.cohort().subList(2, 3);
        try (PDDocument doc = Loader.loadPDF(write(true, changed).toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("PV correctif additif au PV initial")
                    .doesNotContain("Procès-verbal de délibération");
            assertThat(text).contains("E003").doesNotContain("E001").doesNotContain("E004");
            assertThat(text).containsSubsequence("Effectifs par décision", "CMP", "1", "Total", "1");
        }
    }

    @Test
    void anEmptyPvStillHasItsTotalsAndSignatures() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write(false, List.of()).toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).containsSubsequence("Aucun étudiant.", "Total 0",
                    "Le président du jury", "1 / 1");
        }
    }

    /** Renders page 1 into target/ (not in git) for a person to look at. */
    @Test
    void rendersPageOneToPng() throws IOException {
        Path png = Path.of("target", "pv-page-1.png");
        Files.createDirectories(png.getParent());
        try (PDDocument doc = Loader.loadPDF(write(false, severalPages()).toFile())) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            ImageIO.write(image, "png", png.toFile());
            assertThat(image.getWidth()).isGreaterThan(image.getHeight());
        }
        assertThat(Files.size(png)).isPositive();
    }
}
