package org.delib.reports.pv;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writing top-down on the pages of one document: a cursor {@code y} that goes down as things are drawn, a new page
 * (with its page header) when something does not fit, and the few drawing primitives the PV and the transcripts need.
 * Bold is the regular font filled and stroked, so that one embedded font is enough.
 *
 * <p>The operators are written here, into a buffer compressed when the page is finished; PDFBox keeps the pages,
 * their resources and the font. An operator that would not change the graphics state is not written.
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
    /** The font's name in the pages' resources, as the operand of Tf. */
    private final byte[] fontName;
    private final PDRectangle size;
    private final PageStart pageStart;
    /** The current content, written operator by operator (see {@link #op}); null between pages. */
    private OutputStream out;
    /** The current page, and its content compressed as drawn: written into the page when it is finished. */
    private PDPage page;
    private ByteArrayOutputStream content;
    /**
     * Compresses the content at its fastest level: at the default one, compressing took a fifth of the time of a
     * transcript; pages come out a fifth larger.
     */
    private Deflater deflater;
    /**
     * What the current content's graphics state holds, so that an operator is written only when it changes it; NaN
     * (and null) when unknown.
     */
    private float fontSize;
    private Boolean fillStroke;
    private float lineWidth;
    private float strokeGray;
    private float fillGray;
    /** The characters shown so far, for a document that reuses these pages' content with its own copy of the font. */
    private final BitSet shown = new BitSet();
    /**
     * The outlines of the rows of boxes drawn since the last stroke, one under the other, not stroked yet
     * ({@link #boxes}): null when none. Stroked as one grid, each line once, instead of every cell's outline.
     */
    private float[] gridWidths;
    private float gridX;
    private float gridTop;
    private float gridBottom;
    /** The lines between the grid's rows, by their height; the first {@code gridRules} hold them. */
    private float[] gridRuleYs = new float[32];
    private int gridRules;
    /**
     * Whether a text object is open (BT written, not ET): consecutive texts share one, each placed from the one
     * before (Td moves from the start of the previous line), instead of a BT … ET of their own each. Where the
     * current line starts, in thousandths of a point, as written.
     */
    private boolean inText;
    private long lineX;
    private long lineY;
    /** An operator being written, with its operands. */
    private final byte[] line = new byte[128];
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
        this.fontName = ("/" + face.name.getName() + " ").getBytes(StandardCharsets.US_ASCII);
        this.size = size;
        this.pageStart = pageStart;
    }

    /**
     * Saves {@code doc} to {@code file}, replacing it (a restarted step writes its files again), with an /ID made
     * from {@code header} and the file's name instead of one drawn from the clock: the same document, written again,
     * has the same bytes.
     */
    static void save(PDDocument doc, Path file, PvHeader header) throws IOException {
        doc.setDocumentId(header.documentId(file.getFileName().toString()));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
        }
    }

    /** Where a document being written keeps what does not stay in memory: see {@link #scratchBeside}. */
    static final String SCRATCH = ".scratch";

    /**
     * A document whose content waits in temporary files in the folder {@code .scratch} beside {@code file}, not in
     * the system's temporary folder: a run killed while writing leaves them in its staging folder, which the rerun
     * removes once it has published, instead of in /tmp for good.
     */
    static PDDocument scratchBeside(Path file) throws IOException {
        return new PDDocument(MemoryUsageSetting.setupTempFileOnly().setTempDir(scratchDir(file).toFile())
                .streamCache);
    }

    /** The folder {@code .scratch} beside {@code file}, created if need be. */
    static Path scratchDir(Path file) throws IOException {
        return Files.createDirectories(file.resolveSibling(SCRATCH));
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

    /**
     * Ends the current page, if any, and starts a new one with its page header. The content goes through a buffer:
     * PDFBox's own page stream takes it a byte at a time, which was a sixth of the time of a transcript.
     */
    void newPage() throws IOException {
        finish();
        page = new PDPage(size);
        PDResources resources = new PDResources();
        // Named by its face, so that another document can show this page's content with its own copy of the font.
        resources.put(face.name, font);
        page.setResources(resources);
        doc.addPage(page);
        begin();
        // A page's first content starts from the default graphics state.
        fontSize = Float.NaN;
        fillStroke = false;
        lineWidth = 1;
        strokeGray = 0;
        fillGray = 0;
        y = size.getHeight() - MARGIN;
        pageStart.draw(this);
    }

    /** Starts drawing content, its graphics state unknown. */
    private void begin() {
        content = new ByteArrayOutputStream(8192);
        deflater = new Deflater(Deflater.BEST_SPEED);
        out = new BufferedOutputStream(new DeflaterOutputStream(content, deflater), 8192);
        inText = false;
        fontSize = Float.NaN;
        fillStroke = null;
        lineWidth = Float.NaN;
        strokeGray = Float.NaN;
        fillGray = Float.NaN;
    }

    /**
     * Ends the content being drawn and returns it as a stream of {@code doc}. The glyphs shown are given to the font,
     * which embeds them in {@link #embedGlyphs}.
     */
    private COSStream end() throws IOException {
        endText();
        out.close();
        out = null;
        deflater.end();
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream to = stream.createRawOutputStream()) {
            content.writeTo(to);
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        content = null;
        shown.stream().forEach(font::addToSubset);
        return stream;
    }

    /**
     * Finishes the last page and writes the glyphs shown into the embedded font, before the document is saved:
     * PDFBox does it on saving only for fonts set through its own content streams, and these pages write their
     * operators themselves.
     */
    void embedGlyphs() throws IOException {
        finish();
        font.subset();
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

    /** Closes the current page's content and writes it into the page. */
    void finish() throws IOException {
        if (out != null) {
            strokeGrid();
            page.getCOSObject().setItem(COSName.CONTENTS, end());
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
        fillGray(0);
        if (!inText) {
            out.write(BT);
            inText = true;
            lineX = 0;
            lineY = 0;
        }
        if (fontSize != this.fontSize) {
            out.write(fontName);
            op("Tf", fontSize);
            this.fontSize = fontSize;
        }
        if (!Boolean.valueOf(bold).equals(fillStroke)) {
            op("Tr", bold ? FILL_STROKE : FILL);
            fillStroke = bold;
        }
        if (bold) {
            strokeGray(0);
            lineWidth(fontSize / 30);
        }
        // Moved from the previous line's start as written, so that rounding does not add up along a page.
        long atX = thousandths(x);
        long atY = thousandths(baseline);
        int at = thousandths(line, 0, atX - lineX);
        line[at++] = ' ';
        at = thousandths(line, at, atY - lineY);
        line[at++] = ' ';
        operator(at, "Td");
        lineX = atX;
        lineY = atY;
        // The glyphs are the font's ids, as PDFBox would encode them.
        out.write(face.glyphs(t));
        out.write(TJ);
        for (int i = 0; i < t.length(); i += Character.charCount(t.codePointAt(i))) {
            shown.set(t.codePointAt(i));
        }
    }

    /** Closes the text object open, if any: drawing a path is not allowed inside one. */
    private void endText() throws IOException {
        if (inText) {
            out.write(ET);
            inText = false;
        }
    }

    private static final byte[] BT = "BT\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TJ = " Tj\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ET = "ET\n".getBytes(StandardCharsets.US_ASCII);
    /** Text rendering modes (Tr): bold is the glyphs filled and stroked. */
    private static final int FILL = 0;
    private static final int FILL_STROKE = 2;

    /**
     * Writes {@code operator} with its operands into the content directly: through PDFBox, formatting the numbers
     * and encoding the text took a third of the time of a transcript.
     */
    private void op(String operator, float... operands) throws IOException {
        int at = 0;
        for (float v : operands) {
            at = coordinate(line, at, v);
            line[at++] = ' ';
        }
        operator(at, operator);
    }

    /** Ends the operator being written, its operands the first {@code at} bytes of {@code line}, and writes it. */
    private void operator(int at, String operator) throws IOException {
        for (int i = 0; i < operator.length(); i++) {
            line[at++] = (byte) operator.charAt(i);
        }
        line[at++] = '\n';
        out.write(line, 0, at);
    }

    /**
     * Writes {@code v} into {@code into} from {@code at}, to the thousandth of a point without trailing zeros (28,
     * -3.5, 112.376); returns where it ends.
     */
    static int coordinate(byte[] into, int at, float v) {
        return thousandths(into, at, thousandths(v));
    }

    /** {@code v} in thousandths of a point, as written. */
    private static long thousandths(float v) {
        return Math.round(v * 1000.0);
    }

    /** Writes {@code thousandths} / 1000 as {@link #coordinate} does. */
    private static int thousandths(byte[] into, int at, long thousandths) {
        if (thousandths < 0) {
            into[at++] = '-';
            thousandths = -thousandths;
        }
        long whole = thousandths / 1000;
        int digits = 1;
        for (long w = whole; w >= 10; w /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            into[i] = (byte) ('0' + whole % 10);
            whole /= 10;
        }
        at += digits;
        int fraction = (int) (thousandths % 1000);
        if (fraction != 0) {
            into[at++] = '.';
            for (int unit = 100; fraction != 0; unit /= 10) {
                into[at++] = (byte) ('0' + fraction / unit);
                fraction %= unit;
            }
        }
        return at;
    }

    private void lineWidth(float width) throws IOException {
        if (width != lineWidth) {
            op("w", width);
            lineWidth = width;
        }
    }

    private void strokeGray(float gray) throws IOException {
        if (gray != strokeGray) {
            op("G", gray);
            strokeGray = gray;
        }
    }

    private void fillGray(float gray) throws IOException {
        if (gray != fillGray) {
            op("g", gray);
            fillGray = gray;
        }
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
        strokeGrid();
        endText();
        if (gray != null) {
            fillGray(gray);
            op("re", x, yBottom, w, h);
            op("f");
        }
        if (stroke) {
            strokeGray(0.35f);
            lineWidth(0.4f);
            op("re", x, yBottom, w, h);
            op("S");
        }
    }

    /**
     * A row of boxes {@code h} high under {@code top}, side by side from {@code x}, {@code widths} wide, filled with
     * {@code gray} when not null and outlined. The fill is drawn now, under the text to come; the outlines wait for the rows below, to be stroked
     * with them as one grid ({@link #strokeGrid}) when something else is drawn or the page ends: a table's cells
     * share their edges, and stroking each cell's outline wrote every line twice, a third of a transcript's content.
     */
    void boxes(float x, float top, float[] widths, float h, Float gray) throws IOException {
        // Taken as the row's top, not its bottom: the row below starts exactly where this one ends (top - h, as
        // the cursor moves), with no rounding from adding h back to break the grid.
        float yBottom = top - h;
        if (gray != null) {
            endText();
            fillGray(gray);
            op("re", x, yBottom, total(widths), h);
            op("f");
        }
        if (gridWidths != null && (x != gridX || top != gridBottom || !Arrays.equals(widths, gridWidths))) {
            strokeGrid();
        }
        if (gridWidths == null) {
            gridWidths = widths.clone();
            gridX = x;
            gridTop = top;
        } else {
            if (gridRules == gridRuleYs.length) {
                gridRuleYs = Arrays.copyOf(gridRuleYs, 2 * gridRules);
            }
            gridRuleYs[gridRules++] = gridBottom;
        }
        gridBottom = yBottom;
    }

    private static float total(float[] widths) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        return total;
    }

    /**
     * Strokes the rows of boxes waiting ({@link #boxes}): their outline as one rectangle, mitred at the corners as
     * each box's was, then the lines between rows and between columns, each once.
     */
    private void strokeGrid() throws IOException {
        if (gridWidths == null) {
            return;
        }
        endText();
        strokeGray(0.35f);
        lineWidth(0.4f);
        float right = gridX + total(gridWidths);
        op("re", gridX, gridBottom, right - gridX, gridTop - gridBottom);
        for (int i = 0; i < gridRules; i++) {
            op("m", gridX, gridRuleYs[i]);
            op("l", right, gridRuleYs[i]);
        }
        float left = gridX;
        for (int i = 0; i < gridWidths.length - 1; i++) {
            left += gridWidths[i];
            op("m", left, gridTop);
            op("l", left, gridBottom);
        }
        op("S");
        gridWidths = null;
        gridRules = 0;
    }

    void rule(float x1, float y1, float x2, float y2) throws IOException {
        strokeGrid();
        endText();
        strokeGray(0);
        lineWidth(0.5f);
        op("m", x1, y1);
        op("l", x2, y2);
        op("S");
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
        for (PDPage numbered : doc.getPages()) {
            n++;
            // A content stream of its own after the page's, which sets every state it uses.
            begin();
            float base = MARGIN - 2;
            text(label, left(), base, 7, false);
            textRight(n + " / " + total, right(), base, 8, false);
            COSArray contents = new COSArray();
            contents.add(numbered.getCOSObject().getDictionaryObject(COSName.CONTENTS));
            contents.add(end());
            numbered.getCOSObject().setItem(COSName.CONTENTS, contents);
        }
    }
}
