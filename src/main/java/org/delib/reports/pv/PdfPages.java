package org.delib.reports.pv;

import java.io.BufferedOutputStream;
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

    /** The document the pages go into; null when their content is only collected ({@link #contents}). */
    private final PDDocument doc;
    private final PdfFonts.Face face;
    /** The font the pages' resources name; null when there is no document. */
    private final PDType0Font font;
    /** The font's name in the pages' resources, as the operand of Tf. */
    private final byte[] fontName;
    private final PDRectangle size;
    private final PageStart pageStart;
    /**
     * The current content, written operator by operator (see {@link #op}) into {@code content[0, length)}, and
     * compressed when it ends. A plain array: each operator through buffered and deflating streams took a lock and
     * a copy or two.
     */
    private byte[] content = new byte[16384];
    private int length;
    /** Whether content is being drawn: between {@link #begin} and {@link #end}. */
    private boolean drawing;
    /** The current page, written when it is finished; null when the pages' content is only collected. */
    private PDPage page;
    /** The content of the pages finished, compressed, when they are only collected. */
    private final List<byte[]> contents = new ArrayList<>();
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
    /** The top of the free space on the current page. */
    float y;

    /** Pages of {@code doc} that embed {@code face}'s glyphs they show. */
    PdfPages(PDDocument doc, PdfFonts.Face face, PDRectangle size, PageStart pageStart) throws IOException {
        this(doc, face, face.embed(doc), size, pageStart);
    }

    /**
     * Pages in no document: their content, compressed, is collected ({@link #contents}) for documents that show it
     * with their own copy of {@code face}, named by it (content encodes text as the face's glyph ids whatever the
     * subset).
     */
    PdfPages(PdfFonts.Face face, PDRectangle size, PageStart pageStart) {
        this(null, face, null, size, pageStart);
    }

    private PdfPages(PDDocument doc, PdfFonts.Face face, PDType0Font font, PDRectangle size, PageStart pageStart) {
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

    /** The content of each page, compressed (FlateDecode), once finished: pages in no document only. */
    List<byte[]> contents() {
        return contents;
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
        if (doc != null) {
            page = new PDPage(size);
            PDResources resources = new PDResources();
            // Named by its face, so that another document can show this page's content with its own copy of the font.
            resources.put(face.name, font);
            page.setResources(resources);
            doc.addPage(page);
        }
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
        length = 0;
        drawing = true;
        inText = false;
        fontSize = Float.NaN;
        fillStroke = null;
        lineWidth = Float.NaN;
        strokeGray = Float.NaN;
        fillGray = Float.NaN;
    }

    /** Ends the content being drawn and returns it compressed. */
    private byte[] end() {
        endText();
        drawing = false;
        return compressed(content, length);
    }

    /**
     * {@code bytes[0, length)} deflated at the fastest level: at the default one, compressing took a fifth of the
     * time of a transcript; pages come out a fifth larger.
     */
    private static byte[] compressed(byte[] bytes, int length) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes, 0, length);
            deflater.finish();
            byte[] out = new byte[length / 2 + 64];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * out.length);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    /**
     * {@link #end}'s content as a stream of {@code doc}. The glyphs shown are given to the font, which embeds them in
     * {@link #embedGlyphs}.
     */
    private COSStream endStream() throws IOException {
        byte[] compressed = end();
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream to = stream.createRawOutputStream()) {
            to.write(compressed);
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
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
        return drawing && y - height >= MARGIN + FOOTER;
    }

    /** Starts a new page unless {@code height} fits on this one. */
    void ensure(float height) throws IOException {
        if (!fits(height)) {
            newPage();
        }
    }

    /** Closes the current page's content and writes it into the page. */
    void finish() throws IOException {
        if (drawing) {
            strokeGrid();
            if (doc == null) {
                contents.add(end());
            } else {
                page.getCOSObject().setItem(COSName.CONTENTS, endStream());
            }
        }
    }

    float width(String s, float fontSize) throws IOException {
        return printedWidth(face.printable(s), fontSize);
    }

    /** {@link #width} of text already {@linkplain PdfFonts.Face#printable printable}. */
    private float printedWidth(String printable, float fontSize) throws IOException {
        return face.width(printable) / 1000 * fontSize;
    }

    /** Text with its baseline at {@code baseline}, starting at {@code x}. */
    void text(String s, float x, float baseline, float fontSize, boolean bold) throws IOException {
        show(face.printable(s), x, baseline, fontSize, bold);
    }

    /** {@link #text} already {@linkplain PdfFonts.Face#printable printable}. */
    private void show(String t, float x, float baseline, float fontSize, boolean bold) throws IOException {
        if (t.isEmpty()) {
            return;
        }
        fillGray(0);
        if (!inText) {
            write(BT);
            inText = true;
            lineX = 0;
            lineY = 0;
        }
        if (fontSize != this.fontSize) {
            write(fontName);
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
        room(OPERATOR);
        length = thousandths(content, length, atX - lineX);
        content[length++] = ' ';
        length = thousandths(content, length, atY - lineY);
        content[length++] = ' ';
        operator("Td");
        lineX = atX;
        lineY = atY;
        // The glyphs are the font's ids, as PDFBox would encode them.
        room(face.glyphsLength(t));
        length = face.glyphs(t, content, length);
        write(TJ);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            shown.set(Character.isSurrogate(c) ? t.codePointAt(i++) : c);
        }
    }

    /** Room for an operator and its operands, at most. */
    private static final int OPERATOR = 128;

    /** Makes room for {@code bytes} more bytes of content. */
    private void room(int bytes) {
        if (length + bytes > content.length) {
            content = Arrays.copyOf(content, Math.max(2 * content.length, length + bytes));
        }
    }

    private void write(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, content, length, bytes.length);
        length += bytes.length;
    }

    /** Closes the text object open, if any: drawing a path is not allowed inside one. */
    private void endText() {
        if (inText) {
            write(ET);
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
    private void op(String operator, float... operands) {
        room(OPERATOR);
        for (float v : operands) {
            length = coordinate(content, length, v);
            content[length++] = ' ';
        }
        operator(operator);
    }

    /** Ends the operator being written after its operands, already in the content. */
    private void operator(String operator) {
        for (int i = 0; i < operator.length(); i++) {
            content[length++] = (byte) operator.charAt(i);
        }
        content[length++] = '\n';
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

    /**
     * Writes {@code thousandths} / 1000 as {@link #coordinate} does. Every division is by a constant, which the
     * compiler turns into a multiplication: numbers are most of a page's operators.
     */
    private static int thousandths(byte[] into, int at, long thousandths) {
        if (thousandths < 0) {
            into[at++] = '-';
            thousandths = -thousandths;
        }
        long whole = thousandths / 1000;
        int fraction = (int) (thousandths - whole * 1000);
        int digits = 1;
        for (long w = whole; w >= 10; w /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            into[i] = (byte) ('0' + whole % 10);
            whole /= 10;
        }
        at += digits;
        if (fraction != 0) {
            int tenths = fraction / 100;
            int hundredths = fraction / 10 % 10;
            int rest = fraction % 10;
            into[at++] = '.';
            into[at++] = (byte) ('0' + tenths);
            if (hundredths != 0 || rest != 0) {
                into[at++] = (byte) ('0' + hundredths);
            }
            if (rest != 0) {
                into[at++] = (byte) ('0' + rest);
            }
        }
        return at;
    }

    private void lineWidth(float width) {
        if (width != lineWidth) {
            op("w", width);
            lineWidth = width;
        }
    }

    private void strokeGray(float gray) {
        if (gray != strokeGray) {
            op("G", gray);
            strokeGray = gray;
        }
    }

    private void fillGray(float gray) {
        if (gray != fillGray) {
            op("g", gray);
            fillGray = gray;
        }
    }

    void textRight(String s, float rightX, float baseline, float fontSize, boolean bold) throws IOException {
        String t = face.printable(s);
        show(t, rightX - printedWidth(t, fontSize), baseline, fontSize, bold);
    }

    void textCentered(String s, float centerX, float baseline, float fontSize, boolean bold) throws IOException {
        String t = face.printable(s);
        show(t, centerX - printedWidth(t, fontSize) / 2, baseline, fontSize, bold);
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
            COSArray streams = new COSArray();
            streams.add(numbered.getCOSObject().getDictionaryObject(COSName.CONTENTS));
            streams.add(endStream());
            numbered.getCOSObject().setItem(COSName.CONTENTS, streams);
        }
    }
}
