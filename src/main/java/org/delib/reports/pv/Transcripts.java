package org.delib.reports.pv;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.delib.rules.ElementKind;
import org.delib.rules.ElementResult;
import org.delib.rules.Matiere;
import org.delib.rules.Programme;
import org.delib.rules.Result;
import org.delib.rules.RulesProfile;
import org.delib.rules.Semester;
import org.delib.rules.Student;
import org.delib.rules.StudentResult;
import org.delib.rules.Ue;

/**
 * releves/: one transcript (relevé de notes) per student, {@code <student_id>.pdf}, A4 portrait: every matière, UE,
 * semester and the year with mark, result, session and credits; an earlier level decided again with its debts, its
 * elements decided again likewise; then the decision. The students' files are in one archive, {@value #ARCHIVE}, in
 * student order: what a portal or a mail merge takes in one piece, and one file to create instead of one per student
 * (creating 64,000 files cost 5 to 25 s of system time on the machine of the benchmark). The merged volumes
 * {@code releves-001.pdf}, {@code releves-002.pdf}, … hold them all, {@value #VOLUME} a volume, in student order,
 * for printing.
 *
 * <p>Transcripts are drawn by one worker per core, a batch of students at a time, each worker with its own font.
 * A student's file is made directly ({@link PdfFile}): its drawn pages' content, and a subset of the font shared
 * by the transcripts that show the same characters ({@link PdfFonts.Face#subset}), so that the font is not subset
 * again for every student. The
 * merged document is not drawn again: each transcript's page content is copied into it as is, compressed, and
 * shown with the merged document's own subset of the same font (both encode text as the font's glyph ids, so the
 * same content works with either). Merging the files afterwards would instead copy one font subset per student. A
 * volume keeps its page streams in a temporary file, and a volume at a time is open, so the heap stays flat
 * whatever the cohort.
 */
public final class Transcripts {

    /** The archive of the students' own files, {@code <student_id>.pdf} each. */
    public static final String ARCHIVE = "releves.zip";
    /** An archive entry's time when the jury's date is not set: the earliest a zip file can say. */
    private static final LocalDate DOS_EPOCH = LocalDate.of(1980, 1, 1);
    /** Transcripts per merged volume: a file a printer takes in one job, and a document of bounded size in memory. */
    static final int VOLUME = 1000;
    private static final float FONT_SIZE = 8;
    /** Students handed to the workers at a time: enough to keep them busy, few enough to keep the heap small. */
    private static final int BATCH = 250;
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final RulesProfile profile;
    private final int workers;
    private final int perVolume;
    /**
     * Processor time the workers took drawing and making the students' files, in nanoseconds, and the part of it in
     * user mode: where the documents step's time goes.
     */
    private final AtomicLong drawingCpu = new AtomicLong();
    private final AtomicLong drawingUser = new AtomicLong();

    public Transcripts(RulesProfile profile) {
        this(profile, Runtime.getRuntime().availableProcessors(), VOLUME);
    }

    Transcripts(RulesProfile profile, int workers, int volume) {
        this.profile = Objects.requireNonNull(profile);
        this.workers = Math.max(1, workers);
        this.perVolume = volume;
    }

    /**
     * One student's transcript as drawn: its pages' content (compressed, FlateDecode, as {@link PdfPages} writes it),
     * the face it uses and the characters shown.
     */
    private record Drawn(List<byte[]> pages, COSName face, BitSet shown, String fileName, PdfFile file) {}

    /**
     * Writes the transcripts of {@code students} into {@code dir}, created if needed: the archive {@value #ARCHIVE}
     * and the merged volumes.
     *
     * @return the number of transcripts written
     */
    public int write(Path dir, PvHeader header, Programme programme, Iterable<StudentResult> students) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "transcripts");
            t.setDaemon(true);
            return t;
        });
        // One font per worker thread, taken by each task and given back: never two tasks on one at a time.
        BlockingQueue<PdfFonts> fonts = new ArrayBlockingQueue<>(workers);
        int n = 0;
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < workers; i++) {
                fonts.add(new PdfFonts());
            }
            boolean latin = fonts.peek().latinCovers(texts(header, programme));
            try (Output output = new Output(dir, header)) {
                // The workers draw a batch while this thread reads the next one and files the one before.
                List<StudentResult> batch = new ArrayList<>(BATCH);
                List<Future<List<Drawn>>> drawing = List.of();
                for (StudentResult r : students) {
                    batch.add(r);
                    if (batch.size() == BATCH) {
                        List<Future<List<Drawn>>> next = draw(pool, fonts, latin, header, programme, batch);
                        output.add(drawn(drawing));
                        drawing = next;
                        n += batch.size();
                        batch = new ArrayList<>(BATCH);
                    }
                }
                output.add(drawn(drawing));
                output.add(drawn(draw(pool, fonts, latin, header, programme, batch)));
                n += batch.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transcripts in " + dir, e);
        } finally {
            pool.shutdownNow();
            fonts.forEach(PdfFonts::closeQuietly);
        }
        return n;
    }

    /** The processor time the workers have taken drawing and writing transcripts so far, in seconds. */
    public double drawingCpuSeconds() {
        return drawingCpu.get() / 1e9;
    }

    /** The part of {@link #drawingCpuSeconds} in user mode. */
    public double drawingUserSeconds() {
        return drawingUser.get() / 1e9;
    }

    /** Has the transcripts of {@code batch} drawn, a contiguous slice per worker; returns the slices drawing. */
    private List<Future<List<Drawn>>> draw(ExecutorService pool, BlockingQueue<PdfFonts> fonts, boolean latin,
                                           PvHeader header, Programme programme, List<StudentResult> batch) {
        List<Future<List<Drawn>>> slices = new ArrayList<>();
        int size = (batch.size() + workers - 1) / workers;
        for (int w = 0; w < workers && w * size < batch.size(); w++) {
            List<StudentResult> slice = batch.subList(w * size, Math.min(batch.size(), (w + 1) * size));
            slices.add(pool.submit(() -> {
                PdfFonts font = fonts.take();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long userStart = THREADS.getCurrentThreadUserTime();
                try {
                    Page page = new Page(header, programme, new Numbers(profile.decimals()));
                    List<Drawn> drawn = new ArrayList<>(slice.size());
                    for (StudentResult r : slice) {
                        Student s = r.student();
                        drawn.add(drawOne(latin && font.latinCovers(List.of(s.id(), s.lastName(), s.firstName()))
                                ? font.latin() : font.full(), page, r));
                    }
                    return drawn;
                } finally {
                    drawingCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                    drawingUser.addAndGet(THREADS.getCurrentThreadUserTime() - userStart);
                    fonts.add(font);
                }
            }));
        }
        return slices;
    }

    /** The transcripts of {@code slices} once drawn, in order. */
    private static List<Drawn> drawn(List<Future<List<Drawn>>> slices) throws IOException {
        List<Drawn> all = new ArrayList<>();
        try {
            for (Future<List<Drawn>> slice : slices) {
                all.addAll(slice.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing transcripts");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
        return all;
    }

    /** The text of every transcript of the run that is not the student's own: the header and the programme. */
    private static List<String> texts(PvHeader header, Programme programme) {
        List<String> texts = new ArrayList<>(List.of(header.institution(), header.programmeTitle(),
                header.sessionLine()));
        for (Semester s : programme.semesters()) {
            for (Ue u : s.ues()) {
                texts.add(u.title());
                u.matieres().forEach(m -> texts.add(m.title()));
            }
        }
        return texts;
    }

    /**
     * Draws one transcript on pages in no document, and makes the student's file: those pages' content, with a
     * shared subset of the face.
     */
    private static Drawn drawOne(PdfFonts.Face face, Page page, StudentResult r) throws IOException {
        PdfPages pages = new PdfPages(face, PDRectangle.A4, page::start);
        page.draw(pages, r);
        List<byte[]> contents = pages.contents();
        // The font's objects first (the font is object 1), then the pages, their content, and the catalog.
        PdfFile file = new PdfFile(face.subset(pages.shown()));
        int tree = file.next();
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < contents.size(); i++) {
            kids.append(i == 0 ? "" : " ").append(tree + 1 + 2 * i).append(" 0 R");
        }
        file.object("<</Type /Pages /Kids [" + kids + "] /Count " + contents.size() + ">>");
        for (byte[] content : contents) {
            file.object("<</Type /Page /Parent " + tree + " 0 R /MediaBox [0 0 " + PDRectangle.A4.getWidth() + " "
                    + PDRectangle.A4.getHeight() + "] /Resources <</Font <</" + face.name.getName() + " 1 0 R>>>> "
                    + "/Contents " + (file.next() + 1) + " 0 R>>");
            file.stream("/Filter /FlateDecode", content);
        }
        file.finish(file.object("<</Type /Catalog /Pages " + tree + " 0 R>>"));
        return new Drawn(contents, face.name, pages.shown(), fileName(r.student().id()), file);
    }

    /** Adds pages to {@code doc} with the content of {@code drawn}'s, as is, and {@code resources}. */
    private static void addPages(PDDocument doc, PDResources resources, Drawn drawn) throws IOException {
        for (byte[] content : drawn.pages()) {
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(content);
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            PDPage page = new PDPage(PDRectangle.A4);
            page.getCOSObject().setItem(COSName.CONTENTS, stream);
            page.setResources(resources);
            doc.addPage(page);
        }
    }

    /** {@code releves-001.pdf}, …: the merged volume {@code k} (from 1). */
    static String volumeName(int k) {
        return String.format("releves-%03d.pdf", k);
    }

    /**
     * Where drawn transcripts go, in student order: each student's file into the archive, and their pages into the
     * current merged volume, the next one started when it is full.
     */
    private final class Output implements Closeable {
        private final Path dir;
        private final PvHeader header;
        private final PdfFonts fonts = new PdfFonts();
        private final ZipOutputStream archive;
        /** The entries' time: the jury's date, not the clock's, so that a run written again has the same bytes. */
        private final LocalDateTime time;
        private Merged current;

        Output(Path dir, PvHeader header) throws IOException {
            this.dir = dir;
            this.header = header;
            this.time = (header.juryDate() == null ? DOS_EPOCH : header.juryDate()).atStartOfDay();
            this.archive = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(ARCHIVE)),
                    1 << 16));
        }

        void add(List<Drawn> drawn) throws IOException {
            for (Drawn d : drawn) {
                archive(d);
                if (current == null || current.students == perVolume) {
                    int k = current == null ? 1 : current.number + 1;
                    if (current != null) {
                        current.finish();
                    }
                    current = new Merged(dir.resolve(volumeName(k)), k, header, fonts);
                }
                current.append(d);
            }
        }

        /**
         * Stored as it is, not compressed again: a transcript's content and font are compressed already. The size and
         * checksum go before the bytes, as a stored entry needs.
         */
        private void archive(Drawn d) throws IOException {
            ZipEntry entry = new ZipEntry(d.fileName());
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(d.file().length());
            entry.setCompressedSize(d.file().length());
            entry.setCrc(d.file().crc());
            entry.setTimeLocal(time);
            archive.putNextEntry(entry);
            d.file().writeTo(archive);
            archive.closeEntry();
        }

        @Override
        public void close() throws IOException {
            try (fonts; archive) {
                if (current != null) {
                    current.finish();
                }
            }
        }
    }

    /** A merged volume, with its own copy of each face, embedded when a transcript first uses it. */
    private static final class Merged {
        private final Path file;
        private final int number;
        private final PvHeader header;
        private final PdfFonts fonts;
        /** The volume's page content waits in temporary files, beside the transcripts' folder. */
        private final PDDocument doc;
        private final PDResources resources = new PDResources();
        private final Map<COSName, PDType0Font> faces = new HashMap<>();
        private int students;

        Merged(Path file, int number, PvHeader header, PdfFonts fonts) throws IOException {
            this.doc = PdfPages.scratchBeside(file.getParent());
            this.file = file;
            this.number = number;
            this.header = header;
            this.fonts = fonts;
        }

        /** Adds a drawn transcript's pages, their content as is. */
        void append(Drawn d) throws IOException {
            PDType0Font font = faces.get(d.face());
            if (font == null) {
                font = (d.face().equals(fonts.latin().name) ? fonts.latin() : fonts.full()).embed(doc);
                faces.put(d.face(), font);
                resources.put(d.face(), font);
            }
            d.shown().stream().forEach(font::addToSubset);
            addPages(doc, resources, d);
            students++;
        }

        /**
         * Embeds the glyphs used (PDFBox does it on saving only for fonts set on its own content streams), saves
         * and closes the volume.
         */
        void finish() throws IOException {
            try (doc) {
                for (PDType0Font font : faces.values()) {
                    font.subset();
                }
                PdfPages.save(doc, file, header);
            }
        }
    }

    /**
     * {@code <student_id>.pdf}. An id with characters other than letters, digits, '.', '_' and '-' has them as '_',
     * so that a name never leads out of the folder it is unpacked in, and the start of its SHA-256 added, so that two
     * such ids ("2025/12", "2025_12") never share a name.
     */
    static String fileName(String studentId) {
        String safe = UNSAFE.matcher(studentId).replaceAll("_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        if (!safe.equals(studentId)) {
            safe += "-" + HexFormat.of().formatHex(sha256(studentId), 0, 4);
        }
        return safe + ".pdf";
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The pages of one transcript: drawn on whichever document's pages it is given. */
    private static final class Page {
        /** What each result code means, under the decision. */
        private static final String LEGEND = Arrays.stream(Result.values())
                .map(c -> c.name() + " " + Codes.meaning(c)).collect(Collectors.joining(" · "));

        private final PvHeader header;
        private final Programme programme;
        private final Numbers numbers;
        /** The student being drawn, for the header of each of their pages. */
        private StudentResult student;

        Page(PvHeader header, Programme programme, Numbers numbers) {
            this.header = header;
            this.programme = programme;
            this.numbers = numbers;
        }

        /** The header of each page: institution, title, programme, session, and who the student is. */
        void start(PdfPages pages) throws IOException {
            pages.line(header.institution(), 10, true, false);
            pages.line("Relevé de notes" + (header.corrective() ? " — correctif après recours" : ""), 14, true,
                    true);
            pages.line(header.programmeLine(student.student().level()), 9, false, true);
            pages.line(header.sessionLine(), 9, false, true);
            pages.y -= 6;
            pages.line("Matricule : " + student.student().id() + "     Nom : " + student.student().lastName()
                    + "     Prénom : " + student.student().firstName() + "     Niveau : "
                    + student.student().level(), 9, true, false);
            pages.y -= 6;
        }

        void draw(PdfPages pages, StudentResult r) throws IOException {
            student = r;
            Map<String, ElementResult> byCode = new HashMap<>();
            r.elements().forEach(e -> byCode.put(e.code(), e));
            byCode.put(r.year().code(), r.year());
            pages.newPage();
            levelRows(pages, r.student().level(), byCode, true);

            // Art. 32: the earlier levels this run decided again with this year's marks of their debts.
            Map<String, ElementResult> earlier = new HashMap<>();
            r.earlier().forEach(e -> earlier.put(e.code(), e));
            for (ElementResult level : r.earlier()) {
                if (level.kind() == ElementKind.ANNEE) {
                    pages.ensure(60);
                    pages.y -= 8;
                    pages.line("Dettes de " + level.code() + " : matières dues, décidées à nouveau cette année", 10,
                            true, false);
                    levelRows(pages, level.code(), earlier, false);
                }
            }

            pages.ensure(70);
            pages.y -= 8;
            pages.line("Décision du jury : " + r.decision().name() + " (" + Codes.meaning(r.decision()) + ")", 10,
                    true, false);
            if (!r.nextLevel().isEmpty()) {
                pages.line("Niveau suivant : " + r.nextLevel(), 9, false, false);
            }
            if (!r.debts().isEmpty()) {
                pages.line("Dettes : " + String.join(", ", r.debts()), 9, false, false);
            }
            pages.line("Date du jury : " + header.juryDateText(), 9, false, false);
            pages.y -= 4;
            pages.line(LEGEND, 6.5f, false, false);
            pages.finish();
        }

        /**
         * The table of {@code level}: each UE then its matières, each semester, the year, with {@code kept}'s results;
         * every row when {@code all}, else only the elements {@code kept} holds.
         */
        private void levelRows(PdfPages pages, String level, Map<String, ElementResult> kept, boolean all)
                throws IOException {
            PdfTable table = new PdfTable(pages, List.of(
                    new PdfTable.Column("Code", 48, PdfTable.Align.LEFT),
                    new PdfTable.Column("Intitulé", pages.width() - 48 - 4 * 42 - 2 * 50, PdfTable.Align.LEFT),
                    new PdfTable.Column("Coef.", 42, PdfTable.Align.RIGHT),
                    new PdfTable.Column("Crédits", 42, PdfTable.Align.RIGHT),
                    new PdfTable.Column("Note /20", 42, PdfTable.Align.RIGHT),
                    new PdfTable.Column("Résultat", 50, PdfTable.Align.CENTER),
                    new PdfTable.Column("Session", 42, PdfTable.Align.CENTER),
                    new PdfTable.Column("Crédits acquis", 50, PdfTable.Align.RIGHT)), List.of(), FONT_SIZE);
            table.header();
            for (Semester s : programme.semestersOf(level)) {
                for (Ue u : s.ues()) {
                    if (all || kept.containsKey(u.code())) {
                        table.row(line(u.code(), u.title(), Numbers.credits(u.coefficient()), u.credits(),
                                kept.get(u.code())), true, false);
                    }
                    for (Matiere m : u.matieres()) {
                        if (all || kept.containsKey(m.code())) {
                            table.row(line(m.code(), "    " + m.title(), Numbers.credits(m.coefficient()),
                                    m.credits(), kept.get(m.code())), false, false);
                        }
                    }
                }
                if (all || kept.containsKey(s.code())) {
                    table.row(line(s.code(), "Semestre " + s.code(), "", s.credits(), kept.get(s.code())), true,
                            true);
                }
            }
            BigDecimal yearCredits = programme.semestersOf(level).stream().map(Semester::credits)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            table.row(line(level, "Année " + level, "", yearCredits, kept.get(level)), true, true);
        }

        private List<String> line(String code, String title, String coefficient, BigDecimal credits,
                                  ElementResult e) {
            List<String> cells = new ArrayList<>(List.of(code, title, coefficient, Numbers.credits(credits)));
            if (e == null) {
                cells.addAll(List.of("", "", "", ""));
            } else {
                cells.addAll(List.of(numbers.mark(e.mark()), e.result().name(), Integer.toString(e.session()),
                        Numbers.credits(e.credits())));
            }
            return cells;
        }
    }
}
