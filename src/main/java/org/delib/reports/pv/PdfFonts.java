package org.delib.reports.pv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font of the PDFs, embedded (subset) so that accented names print the same everywhere: Liberation Sans
 * Regular (SIL Open Font License 1.1), which the PDFBox jar itself ships. No font binary in our repository, no
 * dependency beyond PDFBox, and no font needed on the machine. It covers Latin-1 and Latin Extended-A (è, ï, ç, œ,
 * «, », —); a character it lacks prints as "?" instead of failing the document.
 *
 * <p>Parsed once and shared by every document written with it, each embedding its own subset.
 */
final class PdfFonts implements Closeable {

    static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final TrueTypeFont ttf;
    private final CmapLookup cmap;

    PdfFonts() throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("font " + RESOURCE + " not on the classpath (is PDFBox there?)");
            }
            ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
        // Glyph substitution (GSUB) only brings ligatures to Latin text, and PDFBox applies it by compiling regular
        // expressions for every string shown: off, it makes the PV several times faster. Accents still come out
        // right, since printable() composes them (NFC) into the font's precomposed glyphs.
        ttf.setEnableGsub(false);
        cmap = ttf.getUnicodeCmapLookup();
    }

    /** The font for one document; with {@code embedSubset} only the glyphs used are written into it. */
    PDType0Font embed(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, ttf, true);
    }

    /** {@code s} composed (NFC), with control characters as spaces and characters the font lacks as "?". */
    String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        Normalizer.normalize(s, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                b.append(' ');
            } else if (cmap.getGlyphId(cp) == 0) {
                b.append('?');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        ttf.close();
    }
}
