package org.delib.reports.pv;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font of the PDFs, embedded (subset) so that accented names print the same everywhere: Liberation Sans
 * Regular (SIL Open Font License 1.1), which the PDFBox jar itself ships. No font binary in our repository, no
 * dependency beyond PDFBox, and no font needed on the machine. A character it lacks prints as "?" instead of failing
 * the document.
 *
 * <p>It comes in two faces: {@link #full()}, every glyph of the font (Latin, Greek, Cyrillic, Vietnamese…), and
 * {@link #latin()}, its Latin-1, Latin Extended-A and punctuation glyphs only, made once from it. Embedding a font
 * costs in proportion to its glyph count (PDFBox measures every glyph, then subsets), and it was half the time of a
 * transcript: documents whose text the Latin face covers, nearly all of them, use it.
 *
 * <p>Parsed once and shared by every document written with it; not thread-safe (the parsed font reads its tables
 * lazily, and widths and printable forms are cached), so each thread writing PDFs has its own.
 */
final class PdfFonts implements Closeable {

    static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** Basic Latin, Latin-1, Latin Extended-A, general punctuation (— « » ’ …) and the euro sign. */
    private static final int[][] LATIN = {{0x20, 0x17F}, {0x2000, 0x206F}, {0x20AC, 0x20AC}};

    private final Face full;
    private final Face latin;

    PdfFonts() throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("font " + RESOURCE + " not on the classpath (is PDFBox there?)");
            }
            full = new Face(new TTFParser().parse(new RandomAccessReadBuffer(in)), COSName.getPDFName("F1"));
        }
        TTFSubsetter subset = new TTFSubsetter(full.ttf);
        for (int[] range : LATIN) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                if (full.cmap.getGlyphId(cp) != 0) {
                    subset.add(cp);
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        subset.writeToStream(bytes);
        latin = new Face(new TTFParser().parse(new RandomAccessReadBuffer(bytes.toByteArray())),
                COSName.getPDFName("F2"));
    }

    /** Every glyph of the font. */
    Face full() {
        return full;
    }

    /** The Latin glyphs only: much cheaper to embed. */
    Face latin() {
        return latin;
    }

    /** Whether the Latin face prints every one of {@code texts} as the full one would. */
    boolean latinCovers(Iterable<String> texts) {
        for (String t : texts) {
            if (!full.printable(t).codePoints().allMatch(cp -> latin.cmap.getGlyphId(cp) != 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        full.close();
        latin.close();
    }

    /** Closes {@code fonts} or a document of theirs, for a {@code finally} that must not hide the failure thrown. */
    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // only memory buffers to release
        }
    }

    /** One font program, with the name its documents give it in their page resources. */
    static final class Face implements Closeable {
        /** Subsets kept for reuse: a few dozen cover a cohort's names. */
        private static final int SUBSETS = 64;
        /** Strings a cache keeps before it is emptied: far more than a programme and a page of students show. */
        private static final int CACHED = 100_000;

        private final TrueTypeFont ttf;
        private final CmapLookup cmap;
        final COSName name;
        private final float unitsPerEm;
        /** Advance width of each BMP character, in thousandths of the font size; NaN until first measured. */
        private final float[] widths = new float[Character.MAX_VALUE + 1];
        private final Map<String, String> printables = new HashMap<>();
        private final Map<String, byte[]> glyphs = new HashMap<>();
        /**
         * For each character below {@link #DIRECT} that this face shows as it is (see {@link #direct}), its glyph id
         * as it goes in a literal string ({@link #glyph}); null for the others.
         */
        private final byte[][] directGlyphs = new byte[DIRECT][];
        /** Subsets by the characters they cover, least recently used first. */
        private final Map<BitSet, PdfFile.Fragment> subsets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BitSet, PdfFile.Fragment> eldest) {
                return size() > SUBSETS;
            }
        };

        private Face(TrueTypeFont ttf, COSName name) throws IOException {
            // Glyph substitution (GSUB) only brings ligatures to Latin text, and PDFBox applies it by compiling
            // regular expressions for every string shown: off, it makes the PV several times faster. Accents still
            // come out right, since printable() composes them (NFC) into the font's precomposed glyphs.
            ttf.setEnableGsub(false);
            this.ttf = ttf;
            this.cmap = ttf.getUnicodeCmapLookup();
            this.name = name;
            this.unitsPerEm = ttf.getUnitsPerEm();
            Arrays.fill(widths, Float.NaN);
            for (char c = 0; c < DIRECT; c++) {
                String one = String.valueOf(c);
                if (compose(one).equals(one)) {
                    directGlyphs[c] = glyph(cmap.getGlyphId(c));
                }
            }
        }

        /** The font for one document: only the glyphs used are written into it. */
        PDType0Font embed(PDDocument doc) throws IOException {
            return PDType0Font.load(doc, ttf, true);
        }

        /**
         * This font as the first objects of a file ({@link PdfFile}), its font dictionary object 1: a subset with at
         * least the characters {@code shown}, and every ASCII letter and digit. Subsetting was a third of the time of
         * a transcript; rounded up that way, most of a cohort's transcripts show the same characters, so a subset is
         * made once and its bytes copied into each file that needs it.
         */
        PdfFile.Fragment subset(BitSet shown) throws IOException {
            BitSet key = (BitSet) shown.clone();
            key.set('0', '9' + 1);
            key.set('A', 'Z' + 1);
            key.set('a', 'z' + 1);
            PdfFile.Fragment subset = subsets.get(key);
            if (subset == null) {
                try (PDDocument holder = new PDDocument()) {
                    PDType0Font font = PDType0Font.load(holder, ttf, true);
                    key.stream().forEach(font::addToSubset);
                    font.subset();
                    subset = PdfFile.fragment(font.getCOSObject());
                }
                subsets.put(key, subset);
            }
            return subset;
        }

        /**
         * The width of {@code printable} text, in thousandths of the font size: the glyphs' advance widths rounded as
         * PDFBox writes them in the embedded font. Measuring text was a third of the time of a transcript.
         */
        float width(String printable) throws IOException {
            float w = 0;
            for (int i = 0; i < printable.length(); i++) {
                char c = printable.charAt(i);
                if (Character.isSurrogate(c)) {
                    w += advance(printable.codePointAt(i++));
                } else {
                    float advance = widths[c];
                    if (advance != advance) { // NaN: not measured yet
                        advance = advance(c);
                        widths[c] = advance;
                    }
                    w += advance;
                }
            }
            return w;
        }

        private float advance(int cp) throws IOException {
            return Math.round(ttf.getAdvanceWidth(cmap.getGlyphId(cp)) * 1000 / unitsPerEm);
        }

        /** {@code s} composed (NFC), with control characters as spaces and characters the face lacks as "?". */
        String printable(String s) {
            if (s == null) {
                return "";
            }
            return direct(s) ? s : cached(printables, s, this::compose);
        }

        /** Basic Latin, Latin-1 and Latin Extended-A: precomposed letters, none a combining mark. */
        private static final int DIRECT = 0x180;

        /**
         * Whether {@code s} is shown as it is, without the caches: every character below {@link #DIRECT}, one the
         * face has and composing leaves alone (not a control character). That is nearly everything a French
         * transcript shows, titles and names included; looking accented text up in the caches was a fifth of the
         * time of drawing one, and every student's own line filled them.
         */
        private boolean direct(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= DIRECT || directGlyphs[c] == null) {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@code printable} text as the operand of a text-showing operator in a PDF content stream: a literal string
         * of the font's glyph ids, two bytes each, which is how PDFBox encodes text for this font (CID = glyph id).
         * Literal, not hex as PDFBox writes it: half the bytes to compress and to copy, and text is most of a page.
         */
        byte[] glyphs(String printable) {
            byte[] literal = new byte[glyphsLength(printable)];
            glyphs(printable, literal, 0);
            return literal;
        }

        /** The length of {@link #glyphs}. */
        int glyphsLength(String printable) {
            if (!direct(printable)) {
                return cached(glyphs, printable, this::encode).length;
            }
            int length = 2;
            for (int i = 0; i < printable.length(); i++) {
                length += directGlyphs[printable.charAt(i)].length;
            }
            return length;
        }

        /** Writes {@link #glyphs} into {@code into} from {@code at}; returns where they end. */
        int glyphs(String printable, byte[] into, int at) {
            if (!direct(printable)) {
                byte[] literal = cached(glyphs, printable, this::encode);
                System.arraycopy(literal, 0, into, at, literal.length);
                return at + literal.length;
            }
            into[at++] = '(';
            for (int i = 0; i < printable.length(); i++) {
                for (byte b : directGlyphs[printable.charAt(i)]) {
                    into[at++] = b;
                }
            }
            into[at++] = ')';
            return at;
        }

        /**
         * {@code text}'s value in {@code cache}, computed when missing; a full cache is emptied, so that the names of
         * a large cohort do not pile up.
         */
        private static <V> V cached(Map<String, V> cache, String text, Function<String, V> compute) {
            if (cache.size() > CACHED) {
                cache.clear();
            }
            return cache.computeIfAbsent(text, compute);
        }

        byte[] encode(String printable) {
            ByteArrayOutputStream b = new ByteArrayOutputStream(2 + 2 * printable.length());
            b.write('(');
            printable.codePoints().forEach(cp -> b.writeBytes(glyph(cmap.getGlyphId(cp))));
            b.write(')');
            return b.toByteArray();
        }

        /**
         * A glyph id's two bytes as they go in a literal string: the string's delimiters and backslash escaped, and
         * the ends of line too, which a reader would otherwise normalise (and which keep an operator on one line).
         */
        static byte[] glyph(int id) {
            ByteArrayOutputStream b = new ByteArrayOutputStream(4);
            for (int octet : new int[] {id >> 8 & 0xFF, id & 0xFF}) {
                switch (octet) {
                    case '(', ')', '\\' -> b.writeBytes(new byte[] {'\\', (byte) octet});
                    case '\n' -> b.writeBytes(new byte[] {'\\', 'n'});
                    case '\r' -> b.writeBytes(new byte[] {'\\', 'r'});
                    default -> b.write(octet);
                }
            }
            return b.toByteArray();
        }

        String compose(String s) {
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
            subsets.clear();
            ttf.close();
        }
    }
}
