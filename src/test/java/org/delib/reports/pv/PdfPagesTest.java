package org.delib.reports.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numbers PdfPages writes into content streams itself. */
class PdfPagesTest {

    private static String coordinate(float v) {
        byte[] into = new byte[32];
        into[0] = '[';
        int end = PdfPages.coordinate(into, 1, v);
        return new String(into, 1, end - 1, StandardCharsets.US_ASCII);
    }

    @Test
    void coordinatesToTheThousandthWithoutTrailingZeros() {
        assertThat(coordinate(28)).isEqualTo("28");
        assertThat(coordinate(-3.5f)).isEqualTo("-3.5");
        assertThat(coordinate(112.3764f)).isEqualTo("112.376");
        assertThat(coordinate(803.05f)).isEqualTo("803.05");
        assertThat(coordinate(0.0004f)).isEqualTo("0");
        assertThat(coordinate(-0.0006f)).isEqualTo("-0.001");
        assertThat(coordinate(0.07f)).isEqualTo("0.07");
        assertThat(coordinate(0.105f)).isEqualTo("0.105");
        assertThat(coordinate(-2.005f)).isEqualTo("-2.005");
        assertThat(coordinate(40.1f)).isEqualTo("40.1");
        assertThat(coordinate(595.275f)).isEqualTo("595.275");
        assertThat(coordinate(-1234567.5f)).isEqualTo("-1234567.5");
    }

    /** The content of a page on which {@code draw} drew, decompressed, a line per operator. */
    private static List<String> content(PageDrawing draw) throws IOException {
        try (PdfFonts fonts = new PdfFonts(); PDDocument doc = new PDDocument()) {
            PdfPages pages = new PdfPages(doc, fonts.latin(), PDRectangle.A4, p -> { });
            pages.newPage();
            draw.on(pages);
            pages.finish();
            return operators(doc);
        }
    }

    private interface PageDrawing {
        void on(PdfPages pages) throws IOException;
    }

    /**
     * Texts follow one another in one text object, each moved from the one before; drawing a path closes it. Every
     * printable character reads back, those whose glyph ids need escaping in a literal string ( ) \\ among them.
     */
    @Test
    void consecutiveTextsShareATextObjectAndReadBackAsWritten(@TempDir Path dir) throws IOException {
        String ascii = IntStream.rangeClosed(' ', '~').mapToObj(Character::toString).collect(Collectors.joining());
        Path file = dir.resolve("t.pdf");
        List<String> ops;
        try (PdfFonts fonts = new PdfFonts(); PDDocument doc = new PDDocument()) {
            PdfPages pages = new PdfPages(doc, fonts.latin(), PDRectangle.A4, p -> { });
            pages.newPage();
            pages.text(ascii, 30, 700, 8, false);
            pages.text("Élève Œuvre", 40.5f, 690.25f, 8, false);
            pages.rule(28, 680, 100, 680);
            pages.text("après", 30, 670, 8, false);
            pages.embedGlyphs();
            ops = operators(doc);
            PdfPages.save(doc, file, PvFixtures.header(false));
        }
        assertThat(ops).containsSubsequence("BT", "30 700 Td", "10.5 -9.75 Td", "ET", "28 680 m", "S", "BT",
                "30 670 Td", "ET");
        assertThat(ops.stream().filter(op -> op.equals("BT"))).hasSize(2);
        try (PDDocument read = Loader.loadPDF(file.toFile())) {
            assertThat(new PDFTextStripper().getText(read).lines())
                    .containsExactly(ascii, "Élève Œuvre", "après");
        }
    }

    /** The operators of {@code doc}'s first page, decompressed, a line each. */
    private static List<String> operators(PDDocument doc) throws IOException {
        COSStream stream = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
        try (InputStream in = stream.createInputStream()) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\n"));
        }
    }

    @Test
    void rowsOfBoxesOneUnderTheOtherAreStrokedAsOneGridEachLineOnce() throws IOException {
        float[] widths = {10, 20, 30};
        List<String> ops = content(pages -> {
            pages.boxes(28, 100, widths, 10, 0.85f);
            pages.text("a", 30, 92, 8, false);
            pages.boxes(28, 90, widths, 10, null);
            pages.boxes(28, 80, widths, 10, null);
        });
        // The header row's fill, then its text, then the grid: its outline, two lines between rows, two between
        // columns.
        assertThat(ops).containsSubsequence("28 90 60 10 re", "f", "(\u0000B) Tj", "28 70 60 30 re", "28 90 m", "88 90 l",
                "28 80 m", "88 80 l", "38 100 m", "38 70 l", "58 100 m", "58 70 l", "S");
        assertThat(ops.stream().filter(op -> op.endsWith(" re"))).hasSize(2);
        assertThat(ops.stream().filter(op -> op.endsWith(" m"))).hasSize(4);
    }

    @Test
    void rowsWhoseHeightsAreNotExactInBinaryStillMakeOneGrid() throws IOException {
        float[] widths = {10, 20};
        List<String> ops = content(pages -> {
            // As PdfTable moves its cursor: each row starts where the one above ended.
            float y = 510.652f;
            for (int row = 0; row < 60; row++) {
                pages.boxes(28, y, widths, 13.6f, null);
                y -= 13.6f;
            }
        });
        assertThat(ops.stream().filter(op -> op.endsWith(" re"))).hasSize(1);
        // Adding 13.6 back to a row's bottom misses its top twice over these 60 rows, which split the grid.
        assertThat(ops.stream().filter(op -> op.endsWith(" m"))).hasSize(59 + 1);
    }

    @Test
    void boxesNotUnderTheRowAboveStartAGridOfTheirOwn() throws IOException {
        float[] widths = {10, 20};
        List<String> ops = content(pages -> {
            pages.boxes(28, 100, widths, 10, null);
            pages.boxes(28, 60, widths, 10, null);
            pages.rule(28, 40, 58, 40);
        });
        assertThat(ops).containsSubsequence("28 90 30 10 re", "38 100 m", "38 90 l", "S", "28 50 30 10 re",
                "38 60 m", "38 50 l", "S", "28 40 m", "58 40 l", "S");
    }

    @Test
    void aDocumentKeepsItsTemporaryFilesBesideItsFileNotInTheSystemsTemporaryFolder(@TempDir Path staging)
            throws IOException {
        Path file = staging.resolve("pv.pdf");
        try (PDDocument doc = PdfPages.scratchBeside(file)) {
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(new byte[100_000]);
            }
            try (var files = Files.list(staging.resolve(PdfPages.SCRATCH))) {
                assertThat(files).isNotEmpty();
            }
        }
    }
}
