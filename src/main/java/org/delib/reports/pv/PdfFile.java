package org.delib.reports.pv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;

/**
 * A small PDF file written object by object, then its cross-reference table: a transcript's. Saving each transcript
 * through PDFBox (a document made for it, the font subset copied into it, the writer walking it) was a quarter of
 * its time; here a font subset is serialized once, as a {@link Fragment}, and its bytes open every file that uses it.
 *
 * <p>Objects are numbered in the order they are written, from 1; the fragment's come first.
 */
final class PdfFile {

    /** The header, with the comment of binary bytes that tells transfer programs the file is binary. */
    private static final byte[] HEADER = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);

    /** Objects serialized once, numbered from 1: {@code offsets[i]} is where object i + 1 starts in {@code bytes}. */
    record Fragment(byte[] bytes, int[] offsets) {}

    /**
     * The shared objects, written from their own bytes, and what follows them, built here: copying the fragment
     * (most of a transcript, the font) into each file's buffer was a fifth of everything the run allocated.
     */
    private final Fragment first;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
    private final List<Integer> offsets = new ArrayList<>();
    private long crc;

    /** A file that starts with {@code first}'s objects, numbered 1 to their count. */
    PdfFile(Fragment first) {
        this.first = first;
        for (int offset : first.offsets()) {
            offsets.add(HEADER.length + offset);
        }
    }

    /** Where the next byte written goes in the file. */
    private int position() {
        return HEADER.length + first.bytes().length + out.size();
    }

    /** The number the next object written will have. */
    int next() {
        return offsets.size() + 1;
    }

    /** Writes an object that is not a stream, {@code body} its value (a dictionary); returns its number. */
    int object(String body) {
        int n = open();
        ascii(body);
        ascii("\nendobj\n");
        return n;
    }

    /** Writes a stream of {@code raw} bytes, encoded as {@code entries} (its dictionary but the length) say. */
    int stream(String entries, byte[] raw) {
        int n = open();
        ascii("<<" + entries + " /Length " + raw.length + ">>\nstream\n");
        out.writeBytes(raw);
        ascii("\nendstream\nendobj\n");
        return n;
    }

    /**
     * Writes the cross-reference table and the trailer, {@code root} the catalog, and takes the file's checksum (a
     * stored archive entry needs it before its bytes), in the thread that made the file.
     */
    void finish(int root) {
        int xref = position();
        StringBuilder table = new StringBuilder(32 + 20 * offsets.size())
                .append("xref\n0 ").append(offsets.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            // Each entry exactly 20 bytes, its end of line included: the offset on 10 digits.
            String digits = Integer.toString(offset);
            table.append("0000000000", digits.length(), 10).append(digits).append(" 00000 n \n");
        }
        table.append("trailer\n<</Size ").append(offsets.size() + 1).append(" /Root ").append(root)
                .append(" 0 R>>\nstartxref\n").append(xref).append("\n%%EOF\n");
        ascii(table.toString());
        CRC32 sum = new CRC32();
        try {
            writeTo(new CheckedOutputStream(OutputStream.nullOutputStream(), sum));
        } catch (IOException e) {
            throw new UncheckedIOException("a null stream does not fail", e);
        }
        crc = sum.getValue();
    }

    /** The file's length in bytes, once {@linkplain #finish finished}. */
    int length() {
        return position();
    }

    /** The CRC-32 of the file's bytes, once {@linkplain #finish finished}. */
    long crc() {
        return crc;
    }

    /** Writes the file: the shared objects from their own bytes, not copied into one array first. */
    void writeTo(OutputStream to) throws IOException {
        to.write(HEADER);
        to.write(first.bytes());
        out.writeTo(to);
    }

    private int open() {
        offsets.add(position());
        ascii(offsets.size() + " 0 obj\n");
        return offsets.size();
    }

    private void ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * {@code root} and every stream it reaches, as objects numbered from 1 ({@code root} is 1): dictionaries and
     * arrays inline, streams as objects of their own, their bytes as they are (still encoded).
     */
    static Fragment fragment(COSDictionary root) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        List<COSBase> objects = new ArrayList<>();
        Map<COSBase, Integer> numbers = new IdentityHashMap<>();
        objects.add(root);
        numbers.put(root, 1);
        List<Integer> offsets = new ArrayList<>();
        // Writing an object numbers the streams it refers to: they are written after it, in that order.
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(bytes.size());
            bytes.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
            COSBase object = objects.get(i);
            if (object instanceof COSStream stream) {
                byte[] raw;
                try (InputStream in = stream.createRawInputStream()) {
                    raw = in.readAllBytes();
                }
                dictionary(stream, raw.length, bytes, objects, numbers);
                bytes.writeBytes(("\nstream\n").getBytes(StandardCharsets.US_ASCII));
                bytes.writeBytes(raw);
                bytes.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
            } else {
                dictionary((COSDictionary) object, -1, bytes, objects, numbers);
            }
            bytes.writeBytes("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        }
        return new Fragment(bytes.toByteArray(), offsets.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A dictionary inline; a stream's ({@code length} not negative) with the length of its bytes. */
    private static void dictionary(COSDictionary d, int length, ByteArrayOutputStream out, List<COSBase> objects,
                                   Map<COSBase, Integer> numbers) throws IOException {
        out.writeBytes("<<".getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
            if (length >= 0 && e.getKey().equals(COSName.LENGTH)) {
                continue;
            }
            e.getKey().writePDF(out);
            out.write(' ');
            value(e.getValue(), out, objects, numbers);
            out.write(' ');
        }
        if (length >= 0) {
            out.writeBytes(("/Length " + length).getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(">>".getBytes(StandardCharsets.US_ASCII));
    }

    private static void value(COSBase v, ByteArrayOutputStream out, List<COSBase> objects,
                              Map<COSBase, Integer> numbers) throws IOException {
        COSBase value = v instanceof COSObject ref ? ref.getObject() : v;
        if (value == null || value instanceof COSNull) {
            out.writeBytes("null".getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof COSStream) {
            Integer n = numbers.get(value);
            if (n == null) {
                objects.add(value);
                n = objects.size();
                numbers.put(value, n);
            }
            out.writeBytes((n + " 0 R").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof COSDictionary d) {
            dictionary(d, -1, out, objects, numbers);
        } else if (value instanceof COSArray a) {
            out.write('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    out.write(' ');
                }
                value(a.get(i), out, objects, numbers);
            }
            out.write(']');
        } else if (value instanceof COSName name) {
            name.writePDF(out);
        } else if (value instanceof COSString s) {
            COSWriter.writeString(s, out);
        } else if (value instanceof COSInteger number) {
            number.writePDF(out);
        } else if (value instanceof COSFloat number) {
            number.writePDF(out);
        } else if (value instanceof COSBoolean b) {
            b.writePDF(out);
        } else {
            throw new IOException("cannot write a " + value.getClass().getSimpleName() + " in a font");
        }
    }
}
