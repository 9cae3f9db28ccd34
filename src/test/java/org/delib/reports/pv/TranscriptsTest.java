package org.delib.reports.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.delib.rules.Deliberation;
import org.delib.rules.StudentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** releves/ written for the known cohort: the archive of one PDF per student, and the merged volumes. */
class TranscriptsTest {

    @TempDir
    Path dir;

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The students' files of the archive in {@code releves}, unpacked into a folder of their own. */
    private Path unpack(Path releves) throws IOException {
        Path to = Files.createDirectories(dir.resolve("unpacked"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(releves.resolve(Transcripts.ARCHIVE)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Files.copy(zip, to.resolve(e.getName()));
            }
        }
        return to;
    }

    @Test
    void oneTranscriptPerStudentAndTheMergedOne() throws IOException {
        Path releves = dir.resolve("releves");
        List<StudentResult> cohort = PvFixtures.cohort();
        int n = new Transcripts(PvFixtures.PROFILE).write(releves, PvFixtures.header(false), PvFixtures.programme(),
                cohort);
        assertThat(n).isEqualTo(6);
        try (Stream<Path> files = Files.list(releves)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("releves.zip",
                    "releves-001.pdf");
        }
        // In student order, each stored as it is: a PDF is compressed already.
        try (ZipFile archive = new ZipFile(releves.resolve(Transcripts.ARCHIVE).toFile())) {
            assertThat(archive.stream().map(ZipEntry::getName)).containsExactly("E001.pdf", "E002.pdf", "E003.pdf",
                    "E004.pdf", "E005.pdf", "E006.pdf");
            assertThat(archive.stream()).allMatch(e -> e.getMethod() == ZipEntry.STORED
                    && e.getTimeLocal().equals(LocalDateTime.of(2026, 7, 12, 0, 0)));
        }
        Path students = unpack(releves);

        String e001 = text(students.resolve("E001.pdf"));
        assertThat(e001).contains("Relevé de notes").contains("Université de Thiès")
                .contains("Matricule : E001").contains("Nom : Diop").contains("Prénom : Ndèye Aïssatou")
                .contains("Année universitaire 2025-2026 — Session 1 (session normale)");
        // Code, title, coefficient, credits, mark, result, session, credits earned.
        assertThat(e001).contains("UEF11 Mathématiques 3 15 14.00 ADM 1 15")
                .contains("ALG1 Algèbre 1 2 7 14.00 ADM 1 7")
                .contains("FR2 Expression écrite et orale 1 6 14.00 ADM 1 6")
                .contains("S1 Semestre S1 30 14.00 ADM 1 30")
                .contains("L1 Année L1 60 14.00 ADM 1 60")
                .containsSubsequence("Décision du jury : ADM (acquis, admis(e))", "Niveau suivant : L2",
                        "Date du jury : 12/07/2026");

        String e003 = text(students.resolve("E003.pdf"));
        assertThat(e003).contains("ALGO2 Algorithmique 3 10 6.00 AJ 1 0")
                .contains("S2 Semestre S2 30 9.00 AJ 1 15")
                .contains("Décision du jury : CMP");
        assertThat(text(students.resolve("E005.pdf"))).contains("UEF11 Mathématiques 3 15 10.00 ADJ 1 15");

        try (PDDocument merged = Loader.loadPDF(releves.resolve(Transcripts.volumeName(1)).toFile())) {
            assertThat(merged.getNumberOfPages()).isEqualTo(6);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(4);
            stripper.setEndPage(4);
            assertThat(stripper.getText(merged)).contains("Matricule : E004").contains("Décision du jury : RAT");
        }
    }

    /**
     * Most transcripts embed the font's Latin part, a name beyond it the whole font; the merged document shows both
     * kinds of pages with its own copies of the two, embedded.
     */
    @Test
    void aNameBeyondLatinPrintsWithTheWholeFontInBothDocuments() throws IOException {
        Path releves = dir.resolve("releves");
        List<StudentResult> cohort = new ArrayList<>(PvFixtures.cohort().subList(0, 2));
        cohort.add(new Deliberation(PvFixtures.programme(), PvFixtures.PROFILE).sessionOne(PvFixtures.record(
                PvFixtures.student("E900", "Nguyễn", "Thị Ánh"), PvFixtures.marks("12"), Set.of())));
        new Transcripts(PvFixtures.PROFILE).write(releves, PvFixtures.header(false), PvFixtures.programme(), cohort);
        Path students = unpack(releves);

        assertThat(text(students.resolve("E900.pdf"))).contains("Nom : Nguyễn").contains("Prénom : Thị Ánh");
        assertThat(fontsOf(students.resolve("E001.pdf"))).containsExactly("F2");
        assertThat(fontsOf(students.resolve("E900.pdf"))).containsExactly("F1");
        try (PDDocument merged = Loader.loadPDF(releves.resolve(Transcripts.volumeName(1)).toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            assertThat(stripper.getText(merged)).containsSubsequence("Prénom : Ndèye Aïssatou", "Nom : Nguyễn",
                    "Prénom : Thị Ánh", "Décision du jury : ADM");
        }
        assertThat(fontsOf(releves.resolve(Transcripts.volumeName(1)))).containsExactlyInAnyOrder("F1", "F2");
    }

    /**
     * A subset of the font is made once for the transcripts that show the same characters, give or take ASCII
     * letters and digits, and copied into each; a name with a letter beyond them gets a subset of its own.
     */
    @Test
    void transcriptsShowingTheSameCharactersShareOneSubset() throws IOException {
        Path releves = dir.resolve("releves");
        new Transcripts(PvFixtures.PROFILE, 1, 1000).write(releves, PvFixtures.header(false),
                PvFixtures.programme(), PvFixtures.cohort());
        Path students = unpack(releves);
        // Ba Ousmane (CMP) and Sow Fatou (RAT): other letters and words, the same subset.
        assertThat(subsetOf(students.resolve("E003.pdf"))).isEqualTo(subsetOf(students.resolve("E004.pdf")));
        // Ndèye Aïssatou: ï is in no other text of the run.
        assertThat(subsetOf(students.resolve("E001.pdf"))).isNotEqualTo(subsetOf(students.resolve("E003.pdf")));
        assertThat(text(students.resolve("E001.pdf"))).contains("Prénom : Ndèye Aïssatou");
    }

    /**
     * A student's file is written without PDFBox: its cross-reference table must give each object's exact offset
     * and each stream its exact length, which a lenient reader (PDFBox's own) would repair without a word.
     */
    @Test
    void aStudentsFileHasExactOffsetsAndLengths() throws IOException {
        Path releves = dir.resolve("releves");
        new Transcripts(PvFixtures.PROFILE).write(releves, PvFixtures.header(false), PvFixtures.programme(),
                PvFixtures.cohort());
        Path students = unpack(releves);
        for (String student : List.of("E001", "E004")) {
            String pdf = new String(Files.readAllBytes(students.resolve(student + ".pdf")),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(pdf).startsWith("%PDF-1.7\n").endsWith("%%EOF\n");
            int xref = Integer.parseInt(pdf.substring(pdf.lastIndexOf("startxref\n") + 10).lines().findFirst()
                    .orElseThrow());
            List<String> table = pdf.substring(xref).lines().toList();
            assertThat(table.get(0)).isEqualTo("xref");
            int size = Integer.parseInt(table.get(1).split(" ")[1]);
            assertThat(table.get(size + 2)).isEqualTo("trailer");
            assertThat(table.get(size + 3)).startsWith("<</Size " + size + " /Root ");
            for (int n = 1; n < size; n++) {
                String entry = table.get(2 + n);
                int offset = Integer.parseInt(entry.substring(0, 10));
                assertThat(entry).isEqualTo(String.format("%010d 00000 n ", offset)); // 20 bytes with its end of line
                assertThat(pdf.substring(offset)).as("%s object %d", student, n).startsWith(n + " 0 obj\n");
                String object = pdf.substring(offset, pdf.indexOf("endobj", offset));
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("/Length (\\d+)>>\nstream\n")
                        .matcher(object);
                if (length.find()) {
                    assertThat(object.substring(length.end())).as("%s stream %d", student, n)
                            .hasSize(Integer.parseInt(length.group(1)) + "\nendstream\n".length());
                }
            }
        }
        try (PDDocument doc = Loader.loadPDF(students.resolve("E001.pdf").toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(
                    org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getWidth());
        }
    }

    /** The name of the one font of a one-page PDF: its subset tag (AAAAAA+) tells the glyphs it holds. */
    private static String subsetOf(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage page = doc.getPage(0);
            return page.getResources().getFont(page.getResources().getFontNames().iterator().next()).getName();
        }
    }

    /** Volumes of a set number of transcripts, in student order, the last one holding the rest. */
    @Test
    void theMergedTranscriptsComeInVolumes() throws IOException {
        Path releves = dir.resolve("releves");
        new Transcripts(PvFixtures.PROFILE, 2, 4).write(releves, PvFixtures.header(false), PvFixtures.programme(),
                PvFixtures.cohort());
        try (PDDocument first = Loader.loadPDF(releves.resolve("releves-001.pdf").toFile());
             PDDocument second = Loader.loadPDF(releves.resolve("releves-002.pdf").toFile())) {
            assertThat(first.getNumberOfPages()).isEqualTo(4);
            assertThat(second.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(first)).containsSubsequence("Matricule : E001",
                    "Matricule : E002", "Matricule : E003", "Matricule : E004");
            assertThat(new PDFTextStripper().getText(second)).containsSubsequence("Matricule : E005",
                    "Matricule : E006");
        }
        assertThat(releves.resolve("releves-003.pdf")).doesNotExist();
    }

    /** The names of the fonts the pages use, each checked to be embedded as a subset. */
    private static Set<String> fontsOf(Path pdf) throws IOException {
        Set<String> names = new TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("%s embedded in %s", name, pdf.getFileName()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSans");
                    names.add(name.getName());
                }
            }
        }
        return names;
    }

    @Test
    void aStudentIdNeverNamesAFileOutsideTheFolderNorAnotherStudentsFile() {
        assertThat(Transcripts.fileName("E001")).isEqualTo("E001.pdf");
        assertThat(Transcripts.fileName("2025_INFO-12")).isEqualTo("2025_INFO-12.pdf");
        assertThat(Transcripts.fileName("2025/INFO-12")).matches("2025_INFO-12-[0-9a-f]{8}\\.pdf");
        assertThat(Transcripts.fileName("2025:INFO-12")).matches("2025_INFO-12-[0-9a-f]{8}\\.pdf")
                .isNotEqualTo(Transcripts.fileName("2025/INFO-12"));
        assertThat(Transcripts.fileName("../etc")).matches("_\\._etc-[0-9a-f]{8}\\.pdf");
    }

    /** Written again (a restarted run), the archive and the volumes have the same bytes. */
    @Test
    void writtenAgainTheTranscriptsHaveTheSameBytes() throws IOException {
        for (String run : List.of("first", "second")) {
            new Transcripts(PvFixtures.PROFILE, 2, 4).write(dir.resolve(run), PvFixtures.header(false),
                    PvFixtures.programme(), PvFixtures.cohort());
        }
        for (String file : List.of(Transcripts.ARCHIVE, "releves-001.pdf", "releves-002.pdf")) {
            assertThat(dir.resolve("second").resolve(file)).hasSameBinaryContentAs(dir.resolve("first").resolve(file));
        }
    }
}
