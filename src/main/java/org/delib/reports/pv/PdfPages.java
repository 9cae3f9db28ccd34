package org.delib.reports.pv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Writing top-down on the pages of one document: a cursor {@code y} that goes down as things are drawn, a new page
 * (with its page header) when something does not fit, and the few drawing primitives the PV and the transcripts need.
 * Bold is the regular font filled and stroked, so that one embedded font is enough.
 */
final class PdfPages {

    static final float MARGIN = 28;
    /** Room kept at the bottom of each page for the footer. */
    static final float FOOTER = 16;

    /** What starts every page, drawn from the top margin down. */
    interface PageStart {
        void draw(PdfPages pages) throws IOException;
    }

    private final PDDocument doc;
    private final PdfFonts.Face face;
    private final PDType0Font font;
    private final PDRectangle size;
    private final PageStart pageStart;
    private PDPageContentStream out;
    /** The characters shown so far, for a document that reuses these pages' content with its own copy of the font. */
    private final BitSet shown = new BitSet();
    /** The top of the free space on the current page. */
    float y;

    /** Pages of {@code doc} that embed {@code face}'s glyphs they show. */
    PdfPages(PDDocument doc, PdfFonts.Face face, PDRectangle size, PageStart pageStart) throws IOException {
        this(doc, face, face.embed(doc), size, pageStart);
    }

    /** Pages of {@code doc} that show {@code face} as {@code font}, which is embedded elsewhere or not at all. */
    PdfPages(PDDocument doc, PdfFonts.Face face, PDType0Font font, PDRectangle size, PageStart pageStart) {
        this.doc = doc;
        this.face = face;
        this.font = font;
        this.size = size;
        this.pageStart = pageStart;
    }

    /** Saves {@code doc} to {@code file}, replacing it (a restarted step writes its files again). */
    static void save(PDDocument doc, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            doc.save(out);
        }
    }

    BitSet shown() {
        return shown;
    }

    float left() {
        return MARGIN;
    }

    float right() {
        return size.getWidth() - MARGIN;
    }

    float width() {
        return right() - left();
    }

    /** Ends the current page, if any, and starts a new one with its page header. */
    void newPage() throws IOException {
        finish();
        PDPage page = new PDPage(size);
        PDResources resources = new PDResources();
        // Named by its face, so that another document can show this page's content with its own copy of the font.
        resources.put(face.name, font);
        page.setResources(resources);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = size.getHeight() - MARGIN;
        pageStart.draw(this);
    }

    /** Whether {@code height} more points fit above the footer of the current page. */
    boolean fits(float height) {
        return out != null && y - height >= MARGIN + FOOTER;
    }

    /** Starts a new page unless {@code height} fits on this one. */
    void ensure(float height) throws IOException {
        if (!fits(height)) {
            newPage();
        }
    }

    /** Closes the current page's content. */
    void finish() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    float width(String s, float fontSize) throws IOException {
        return face.width(face.printable(s)) / 1000 * fontSize;
    }

    /** Text with its baseline at {@code baseline}, starting at {@code x}. */
    void text(String s, float x, float baseline, float fontSize, boolean bold) throws IOException {
        String t = face.printable(s);
        if (t.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, fontSize);
        if (bold) {
            out.setRenderingMode(RenderingMode.FILL_STROKE);
            out.setLineWidth(fontSize / 30);
        }
        out.newLineAtOffset(x, baseline);
        out.showText(t);
        t.codePoints().forEach(shown::set);
        if (bold) {
            out.setRenderingMode(RenderingMode.FILL);
        }
        out.endText();
    }

    void textRight(String s, float rightX, float baseline, float fontSize, boolean bold) throws IOException {
        text(s, rightX - width(s, fontSize), baseline, fontSize, bold);
    }

    void textCentered(String s, float centerX, float baseline, float fontSize, boolean bold) throws IOException {
        text(s, centerX - width(s, fontSize) / 2, baseline, fontSize, bold);
    }

    /** Text across the page at the cursor, wrapped at the margins; the cursor moves down past it. */
    void line(String s, float fontSize, boolean bold, boolean centered) throws IOException {
        for (String line : wrap(s, fontSize, width())) {
            y -= fontSize * 1.25f;
            if (centered) {
                textCentered(line, (left() + right()) / 2, y + fontSize * 0.25f, fontSize, bold);
            } else {
                text(line, left(), y + fontSize * 0.25f, fontSize, bold);
            }
        }
    }

    /** A rectangle, filled with {@code gray} (1 is white) when not null, and outlined when {@code stroke}. */
    void rect(float x, float yBottom, float w, float h, Float gray, boolean stroke) throws IOException {
        if (gray != null) {
            out.setNonStrokingColor(gray);
            out.addRect(x, yBottom, w, h);
            out.fill();
            out.setNonStrokingColor(0f);
        }
        if (stroke) {
            out.setStrokingColor(0.35f);
            out.setLineWidth(0.4f);
            out.addRect(x, yBottom, w, h);
            out.stroke();
            out.setStrokingColor(0f);
        }
    }

    void rule(float x1, float y1, float x2, float y2) throws IOException {
        out.setLineWidth(0.5f);
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }

    /** {@code s} cut into lines no wider than {@code maxWidth}, at spaces, or anywhere in a word too long. */
    List<String> wrap(String s, float fontSize, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        String rest = face.printable(s).strip();
        while (!rest.isEmpty()) {
            if (width(rest, fontSize) <= maxWidth) {
                lines.add(rest);
                break;
            }
            int cut = rest.length();
            while (cut > 1 && width(rest.substring(0, cut), fontSize) > maxWidth) {
                int space = rest.lastIndexOf(' ', cut - 1);
                cut = space > 0 ? space : cut - 1;
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    /**
     * Writes "n / N" (and {@code label} on the left) at the foot of every page, once all pages exist: N is only
     * known at the end of a streamed document.
     */
    void number(String label) throws IOException {
        finish();
        int total = doc.getNumberOfPages();
        int n = 0;
        for (PDPage page : doc.getPages()) {
            n++;
            out = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true);
            float base = MARGIN - 2;
            text(label, left(), base, 7, false);
            textRight(n + " / " + total, right(), base, 8, false);
            finish();
        }
    }
}
