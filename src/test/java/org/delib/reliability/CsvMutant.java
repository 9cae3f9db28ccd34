package org.delib.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A hostile or broken CSV input, made from a sample of a good file by a few seeded mutations: truncated lines and
 * files, other encodings, stray BOMs, quotes, very long fields, huge numbers, NaN, negative marks, duplicate keys,
 * missing or renamed columns, empty files, control characters, other line ends. {@link #describe()} lists the
 * mutations, so that a failure names what was done; the same seed gives the same bytes.
 */
final class CsvMutant {

    /** Values a registry's spreadsheet or a careless export can put in a cell. */
    static final String[] NASTY_VALUES = {
            "NaN", "nan", "Infinity", "-Infinity", "1e400", "1E3", "-1", "-0", "-0.01", "-20", "20.000001", "21",
            "99999999999999999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "0x10", "1_000",
            "12.5.3", "12,,5", ".5", "5.", "+5", "\u22125", "\u0661\u0662", "\uFF11\uFF12", "12 5", "1/2", "12%",
            "TRUE", "#DIV/0!", "#N/A", "null", "NULL", "undefined", "-", "?", "ABS", "abj", "Abi", " ABJ ", "",
            " ", "\t", "=1+1", "=HYPERLINK(\"http://x\")", "+33612345678", "@SUM(A1:A2)", "'12", "\"12\"",
            "12\u00A0", "\u200B12", "1\u00002", "\uFEFF12", "\uD83D\uDE00", "L1\u0301", "\u202Eevil", "é", "%s%n",
            "${jndi:ldap://x/a}", "<script>", "' OR '1'='1", "E00001;E00002", "a\"b"};

    private final List<String> steps = new ArrayList<>();
    private final Random random;
    private final String header;
    private final List<String> lines;
    private char separator;
    /** Set once a mutation may legitimately reject or lose rows or columns: the clean-file oracle no longer holds. */
    private boolean damaged;
    private final List<String> blanks = new ArrayList<>();

    private CsvMutant(Random random, String header, List<String> lines, char separator) {
        this.random = random;
        this.header = header;
        this.lines = lines;
        this.separator = separator;
    }

    /** What the mutant is: its bytes, the mutations made, and whether it should read cleanly. */
    record Result(byte[] bytes, String description, boolean clean) {}

    /**
     * A mutant of {@code good} (a header line and data lines, ';'-separated, UTF-8): a random sample of 1 to 150
     * data lines, then 1 to 4 mutations (none, rarely: the sample itself must read cleanly).
     */
    static Result of(List<String> good, long seed) {
        return of(good, seed, false);
    }

    /** A mutant of the whole of {@code good} ({@code whole}), or of a sample of it. */
    static Result of(List<String> good, long seed, boolean whole) {
        Random random = new Random(seed);
        List<String> data = new ArrayList<>(good.subList(1, good.size()));
        int n = whole ? data.size() : 1 + random.nextInt(Math.min(150, data.size()));
        int from = random.nextInt(data.size() - n + 1);
        List<String> sample = new ArrayList<>(data.subList(from, from + n));
        CsvMutant m = new CsvMutant(random, good.get(0), sample, ';');
        return m.mutate();
    }

    private Result mutate() {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        int count = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(4);
        if (lines.size() > 150) {
            count = 3 + random.nextInt(8); // a whole file: more damage, for whole-job runs
        }
        String eol = "\n";
        Charset charset = StandardCharsets.UTF_8;
        boolean bom = false;
        boolean finalEol = true;
        int byteMutation = -1;
        for (int i = 0; i < count; i++) {
            int op = random.nextInt(34);
            if (all.isEmpty()) {
                all.add(""); // every line is gone: an empty file (with a line end)
                damaged = true;
            }
            switch (op) {
                case 0 -> truncateLine(all);
                case 1 -> dropField(all);
                case 2 -> extraField(all);
                case 3 -> strayQuote(all);
                case 4 -> quotedField(all);
                case 5 -> unterminatedQuote(all);
                case 6 -> longField(all);
                case 7, 8, 9 -> nastyValue(all);
                case 10 -> duplicateLine(all);
                case 11 -> deleteLine(all);
                case 12 -> shuffle(all);
                case 13 -> blankLines(all);
                case 14 -> controlChar(all);
                case 15 -> dropColumn(all);
                case 16 -> renameColumn(all);
                case 17 -> duplicateColumn(all);
                case 18 -> reorderColumns(all);
                case 19 -> extraColumn(all);
                case 20 -> { all.subList(1, all.size()).clear(); step("header only"); }
                case 21 -> { all.remove(0); damaged = true; step("no header"); }
                case 22 -> { eol = pick("\r\n", "\r", "\n\n", "\r\r\n"); step("line end " + escape(eol)); damaged |= !eol.equals("\r\n"); }
                case 23 -> { finalEol = false; step("no final line end"); }
                case 24 -> { charset = pickCharset(); step("encoded as " + charset.name()); damaged |= charset != StandardCharsets.UTF_8; }
                case 25 -> { bom = true; step("UTF-8 BOM"); }
                case 26 -> strayBom(all);
                case 27, 28 -> { byteMutation = random.nextInt(4); damaged = true; }
                case 29 -> commaSeparator(all);
                case 30 -> padFields(all);
                case 31 -> emptyField(all);
                case 32 -> caseChange(all);
                case 33 -> mixedLineEnds(all);
                default -> throw new IllegalStateException();
            }
        }
        insertBlanks(all);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            text.append(all.get(i));
            if (i < all.size() - 1 || finalEol) {
                text.append(eol);
            }
        }
        byte[] bytes = encode(text.toString(), charset, bom);
        if (byteMutation >= 0) {
            bytes = byteMutation(bytes, byteMutation);
        }
        if (random.nextInt(60) == 0) {
            bytes = wholeFile();
            damaged = true;
        }
        return new Result(bytes, describe(), !damaged);
    }

    String describe() {
        return steps.isEmpty() ? "unmutated sample" : String.join("; ", steps);
    }

    private void step(String s) {
        steps.add(s.length() > 120 ? s.substring(0, 117) + "..." : s);
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private int dataLine(List<String> all) {
        return all.size() < 2 ? -1 : 1 + random.nextInt(all.size() - 1);
    }

    private List<String> fields(String line) {
        List<String> f = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == separator) {
                f.add(line.substring(start, i));
                start = i + 1;
            }
        }
        return f;
    }

    private String join(List<String> fields) {
        return String.join(String.valueOf(separator), fields);
    }

    private void replaceField(List<String> all, String what, java.util.function.UnaryOperator<String> change) {
        int i = dataLine(all);
        if (i < 0) {
            return;
        }
        List<String> f = fields(all.get(i));
        int col = random.nextInt(f.size());
        String before = f.get(col);
        f.set(col, change.apply(before));
        all.set(i, join(f));
        damaged = true;
        step(what + " in line " + (i + 1) + " field " + (col + 1) + ": " + escape(abbreviate(f.get(col))));
    }

    private void truncateLine(List<String> all) {
        int i = dataLine(all);
        if (i < 0) {
            return;
        }
        String l = all.get(i);
        all.set(i, l.substring(0, random.nextInt(l.length() + 1)));
        damaged = true;
        step("truncated line " + (i + 1));
    }

    private void dropField(List<String> all) {
        int i = dataLine(all);
        if (i < 0) {
            return;
        }
        List<String> f = fields(all.get(i));
        f.remove(random.nextInt(f.size()));
        all.set(i, join(f));
        damaged = true;
        step("dropped a field of line " + (i + 1));
    }

    private void extraField(List<String> all) {
        int i = dataLine(all);
        if (i < 0) {
            return;
        }
        all.set(i, all.get(i) + separator + pick("x", "", "12", "extra;more"));
        damaged = true;
        step("extra field on line " + (i + 1));
    }

    private void strayQuote(List<String> all) {
        int i = random.nextInt(all.size());
        String l = all.get(i);
        int at = random.nextInt(l.length() + 1);
        all.set(i, l.substring(0, at) + pick("\"", "\"\"", "'", "\"x\"") + l.substring(at));
        damaged = true;
        step("stray quote in line " + (i + 1) + " at " + at);
    }

    private void quotedField(List<String> all) {
        replaceField(all, "quoted field", v -> "\"" + v.replace("\"", "\"\"")
                + pick("", ";x", ",x", "\nx", "\r\n", "\"\"", "\n\n") + "\"");
    }

    private void unterminatedQuote(List<String> all) {
        replaceField(all, "unterminated quote", v -> "\"" + v);
    }

    private void longField(List<String> all) {
        int length = random.nextInt(10) == 0 ? 1_000_000 : 1_000 + random.nextInt(100_000);
        String unit = pick("9", "A", "é", " ", "1.5", "\"\"");
        replaceField(all, length + "-character field", v -> unit.repeat(Math.max(1, length / unit.length())));
    }

    private void nastyValue(List<String> all) {
        String value = NASTY_VALUES[random.nextInt(NASTY_VALUES.length)];
        replaceField(all, "value", v -> value);
    }

    private void duplicateLine(List<String> all) {
        int i = dataLine(all);
        if (i < 0) {
            return;
        }
        String copy = all.get(i);
        if (random.nextBoolean()) {
            List<String> f = fields(copy);
            f.set(f.size() - 1, pick("10", "", "ABJ", "1"));
            copy = join(f);
        }
        int to = 1 + random.nextInt(all.size());
        all.add(to, copy);
        damaged = true; // a duplicate key is rejected by the cross-checks, but RowChecks may still accept it
        step("duplicated line " + (i + 1) + " at " + (to + 1));
    }

    private void deleteLine(List<String> all) {
        int i = dataLine(all);
        if (i > 0) {
            all.remove(i);
            step("deleted line " + (i + 1));
        }
    }

    private void shuffle(List<String> all) {
        if (all.size() > 2) {
            Collections.shuffle(all.subList(1, all.size()), random);
            step("shuffled data lines");
        }
    }

    /** Blank lines are inserted last, so that no later mutation (an extra column...) fills them. */
    private void blankLines(List<String> all) {
        blanks.add(pick("", " ", "\t", ";;;;;", " ; ; ", ",,,", "\u00A0"));
    }

    private void insertBlanks(List<String> all) {
        for (String blank : blanks) {
            int at = random.nextInt(all.size() + 1);
            all.add(at, blank);
            damaged |= blank.equals("\u00A0") || separator == ';' && blank.equals(",,,")
                    || separator == ',' && blank.contains(";") || at == 0;
            step("blank line " + escape(blank) + " at " + (at + 1));
        }
    }

    private void controlChar(List<String> all) {
        int i = random.nextInt(all.size());
        String l = all.get(i);
        int at = random.nextInt(l.length() + 1);
        String c = pick("\u0000", "\u0001", "\u001b", "\t", "\u007f", "\u200b", "\u00a0", "\u0085", "\u2028", "\b");
        all.set(i, l.substring(0, at) + c + l.substring(at));
        damaged = true;
        step("control character " + escape(c) + " in line " + (i + 1));
    }

    private void dropColumn(List<String> all) {
        List<String> h = fields(all.get(0));
        int col = random.nextInt(h.size());
        boolean everywhere = random.nextBoolean();
        for (int i = 0; i < all.size(); i++) {
            if (i == 0 || everywhere) {
                List<String> f = fields(all.get(i));
                if (col < f.size()) {
                    f.remove(col);
                }
                all.set(i, join(f));
            }
        }
        damaged = true;
        step("dropped column " + h.get(col) + (everywhere ? " everywhere" : " from the header"));
    }

    private void renameColumn(List<String> all) {
        List<String> h = fields(all.get(0));
        int col = random.nextInt(h.size());
        String name = h.get(col);
        String renamed = switch (random.nextInt(5)) {
            case 0 -> name.toUpperCase(java.util.Locale.ROOT);
            case 1 -> " " + name + " ";
            case 2 -> name.substring(0, name.length() - 1);
            case 3 -> "\uFEFF" + name;
            default -> name.replace('_', ' ');
        };
        h.set(col, renamed);
        all.set(0, join(h));
        damaged |= !renamed.strip().equals(name);
        step("renamed column " + name + " to " + escape(renamed));
    }

    private void duplicateColumn(List<String> all) {
        List<String> h = fields(all.get(0));
        h.add(h.get(random.nextInt(h.size())));
        all.set(0, join(h));
        damaged = true;
        step("duplicated a header column");
    }

    private void reorderColumns(List<String> all) {
        int width = fields(all.get(0)).size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int i = 0; i < all.size(); i++) {
            List<String> f = fields(all.get(i));
            if (f.size() != width) {
                continue;
            }
            List<String> g = new ArrayList<>();
            order.forEach(o -> g.add(f.get(o)));
            all.set(i, join(g));
        }
        step("columns reordered " + order);
    }

    private void extraColumn(List<String> all) {
        for (int i = 0; i < all.size(); i++) {
            all.set(i, all.get(i) + separator + (i == 0 ? pick("comment", "remarque", "Unnamed: 9") : "x" + i));
        }
        step("extra column");
    }

    private void strayBom(List<String> all) {
        int i = random.nextInt(all.size());
        String l = all.get(i);
        int at = i == 0 ? 0 : random.nextInt(l.length() + 1);
        all.set(i, l.substring(0, at) + "\uFEFF" + l.substring(at));
        damaged = true;
        step("BOM in line " + (i + 1) + " at " + at);
    }

    private void commaSeparator(List<String> all) {
        boolean everywhere = random.nextBoolean();
        for (int i = 0; i < all.size(); i++) {
            if (i == 0 || everywhere) {
                all.set(i, all.get(i).replace(';', ','));
            }
        }
        if (everywhere) {
            separator = ',';
        }
        damaged = true; // decimal commas now split fields
        step("',' separator " + (everywhere ? "everywhere" : "in the header only"));
    }

    private void padFields(List<String> all) {
        for (int i = 1; i < all.size(); i++) {
            List<String> f = fields(all.get(i));
            f.replaceAll(v -> "  " + v + " ");
            all.set(i, join(f));
        }
        step("fields padded with spaces");
    }

    private void emptyField(List<String> all) {
        replaceField(all, "emptied", v -> "");
    }

    private void caseChange(List<String> all) {
        replaceField(all, "case changed", v -> random.nextBoolean() ? v.toLowerCase(java.util.Locale.ROOT)
                : v.toUpperCase(java.util.Locale.ROOT));
    }

    private void mixedLineEnds(List<String> all) {
        int i = dataLine(all);
        if (i > 0) {
            all.set(i, all.get(i) + pick("\r", "\r\n"));
            damaged = true;
            step("extra line end after line " + (i + 1));
        }
    }

    private Charset pickCharset() {
        return Charset.forName(pick("ISO-8859-1", "windows-1252", "UTF-16LE", "UTF-16BE", "UTF-16", "IBM850",
                "UTF-8"));
    }

    private byte[] encode(String text, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            if (random.nextInt(4) == 0) {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                damaged = true;
                step("second BOM");
            }
        }
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private byte[] byteMutation(byte[] bytes, int kind) {
        if (bytes.length == 0) {
            return bytes;
        }
        switch (kind) {
            case 0 -> {
                int at = random.nextInt(bytes.length + 1);
                step("file truncated at byte " + at + " of " + bytes.length);
                return java.util.Arrays.copyOf(bytes, at);
            }
            case 1 -> {
                byte[] b = bytes.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                step(flips + " random bytes changed");
                return b;
            }
            case 2 -> {
                byte[] bad = {(byte) 0xC3, (byte) 0xFF, (byte) 0x80, (byte) 0xE2, (byte) 0x82, (byte) 0xF0};
                int at = random.nextInt(bytes.length + 1);
                int len = 1 + random.nextInt(bad.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.write(bad, 0, len);
                out.write(bytes, at, bytes.length - at);
                step("invalid UTF-8 bytes at " + at);
                return out.toByteArray();
            }
            default -> {
                byte[] b = bytes.clone();
                int at = random.nextInt(b.length);
                b[at] = 0;
                step("NUL byte at " + at);
                return b;
            }
        }
    }

    private byte[] wholeFile() {
        switch (random.nextInt(6)) {
            case 0 -> {
                step("empty file");
                return new byte[0];
            }
            case 1 -> {
                step("only a BOM");
                return new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            }
            case 2 -> {
                step("only line ends");
                return "\n\r\n\n".getBytes(StandardCharsets.US_ASCII);
            }
            case 3 -> {
                step("only spaces");
                return "   \t ".getBytes(StandardCharsets.US_ASCII);
            }
            case 4 -> {
                byte[] b = new byte[random.nextInt(5000)];
                random.nextBytes(b);
                step(b.length + " random bytes");
                return b;
            }
            default -> {
                step("a zip archive, not a CSV");
                return new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 30) + "...(" + s.length() + " chars)" : s;
    }

    /** Escaped and cut at 200 characters, for a report line. */
    static String abbreviate2(String s) {
        String e = escape(s);
        return e.length() > 200 ? e.substring(0, 200) + "...(" + s.length() + " chars)" : e;
    }

    /** Control and invisible characters made visible, for messages. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT || c == 0x85 || c == 0xA0
                    || c == 0x2028) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
