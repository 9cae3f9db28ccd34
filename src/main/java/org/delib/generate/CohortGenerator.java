package org.delib.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.delib.importing.ProgrammeFile;
import org.delib.rules.Attendance;
import org.delib.rules.Deliberation;
import org.delib.rules.Entry;
import org.delib.rules.History;
import org.delib.rules.MarkRow;
import org.delib.rules.RulesProfile;
import org.delib.rules.Sanction;
import org.delib.rules.Student;
import org.delib.rules.StudentRecord;
import org.delib.rules.StudentResult;

/**
 * Writes a synthetic but realistic L1 cohort (programme, students, marks, attendance, sanctions, wishes)
 * in the input formats of FORMATS.md: for the demo folder and for benchmarks. Rattrapage marks go to the
 * matières the rules convoke each student to, as a registry would enter them.
 *
 * <p>Deterministic: the same options give the same bytes. Each student draws from its own
 * generator split off a master seeded with {@code seed}, numbers are formatted by hand (no
 * Locale), and normal deviates use StrictMath. Streaming: each student's rows go straight to
 * the open writers, so memory stays flat whatever the cohort size.
 */
public final class CohortGenerator {

    public record Options(int students, long seed, String academicYear) {}

    public record Summary(int students, long markRows, long attendanceRows, long sanctionRows) {}

    private CohortGenerator() {}

    /**
     * A matière of {@link #PROGRAMME} with its component weights (0 = no such component) and a
     * difficulty in points subtracted from the student's ability. Must match the YAML text.
     */
    private record Matiere(String code, String semester, int examWeight, int ccWeight, int tpWeight,
                           int tpSessions, double difficulty) {}

    private static final List<Matiere> MATIERES = List.of(
            new Matiere("ANA1", "S1", 2, 1, 0, 0, 1.0),
            new Matiere("ALGO1", "S1", 2, 1, 1, 10, 0.5),
            new Matiere("PROG1", "S1", 2, 1, 1, 12, 0.0),
            new Matiere("ARCH1", "S1", 2, 1, 0, 0, 0.5),
            new Matiere("PHYS1", "S1", 2, 1, 0, 0, 1.25),
            new Matiere("ANG1", "S1", 1, 1, 0, 0, -1.0),
            new Matiere("ANA2", "S2", 2, 1, 0, 0, 1.25),
            new Matiere("ALGO2", "S2", 2, 1, 1, 10, 0.75),
            new Matiere("PROG2", "S2", 2, 1, 1, 12, 0.25),
            new Matiere("SYS2", "S2", 2, 1, 0, 0, 0.5),
            new Matiere("ELEC2", "S2", 2, 1, 0, 0, 1.0),
            new Matiere("ANG2", "S2", 1, 1, 0, 0, -1.0));

    /** The maquette: a fixed document, written as is (only the year in the comment varies). */
    private static final String PROGRAMME = """
            # Programme (maquette) of a synthetic cohort: year L1 of the Licence Informatique,
            # academic year {YEAR}. Written by org.delib.generate.CohortGenerator; the students
            # and marks beside it are invented. Coefficients weigh averages; credits count acquisition.
            code: LIC-INFO
            title: Licence Informatique
            cycle: LICENCE
            rules: lmd-unipro
            settings: {}
            semesters:
              - code: S1
                level: L1
                ues:
                  - code: UEF11
                    title: Fondamentaux 1
                    nature: FONDAMENTALE
                    coefficient: 3
                    required: true
                    matieres:
                      - { code: ANA1, title: Analyse 1,      coefficient: 2, credits: 6, weights: { exam: 2, cc: 1 } }
                      - { code: ALGO1, title: Algorithmique 1, coefficient: 3, credits: 8, weights: { exam: 2, cc: 1, tp: 1 }, tp_sessions: 10 }
                  - code: UEM11
                    title: Méthodologie 1
                    nature: METHODOLOGIE
                    coefficient: 2
                    matieres:
                      - { code: PROG1, title: Programmation 1, coefficient: 2, credits: 6, weights: { exam: 2, cc: 1, tp: 1 }, tp_sessions: 12 }
                      - { code: ARCH1, title: Architecture 1,  coefficient: 1, credits: 4, weights: { exam: 2, cc: 1 } }
                  - code: UED11
                    title: Découverte 1
                    nature: DECOUVERTE
                    coefficient: 1
                    matieres:
                      - { code: PHYS1, title: Physique 1, coefficient: 1, credits: 4, weights: { exam: 2, cc: 1 } }
                  - code: UET11
                    title: Transversale 1
                    nature: TRANSVERSALE
                    coefficient: 1
                    matieres:
                      - { code: ANG1, title: Anglais 1, coefficient: 1, credits: 2, weights: { exam: 1, cc: 1 } }
              - code: S2
                level: L1
                ues:
                  - code: UEF21
                    title: Fondamentaux 2
                    nature: FONDAMENTALE
                    coefficient: 3
                    required: true
                    matieres:
                      - { code: ANA2, title: Analyse 2,      coefficient: 2, credits: 6, weights: { exam: 2, cc: 1 } }
                      - { code: ALGO2, title: Algorithmique 2, coefficient: 3, credits: 8, weights: { exam: 2, cc: 1, tp: 1 }, tp_sessions: 10 }
                  - code: UEM21
                    title: Méthodologie 2
                    nature: METHODOLOGIE
                    coefficient: 2
                    matieres:
                      - { code: PROG2, title: Programmation 2, coefficient: 2, credits: 6, weights: { exam: 2, cc: 1, tp: 1 }, tp_sessions: 12 }
                      - { code: SYS2, title: Systèmes 2,       coefficient: 1, credits: 4, weights: { exam: 2, cc: 1 } }
                  - code: UED21
                    title: Découverte 2
                    nature: DECOUVERTE
                    coefficient: 1
                    matieres:
                      - { code: ELEC2, title: Électronique 2, coefficient: 1, credits: 4, weights: { exam: 2, cc: 1 } }
                  - code: UET21
                    title: Transversale 2
                    nature: TRANSVERSALE
                    coefficient: 1
                    matieres:
                      - { code: ANG2, title: Anglais 2, coefficient: 1, credits: 2, weights: { exam: 1, cc: 1 } }
            specialities:             # for orientation (Art. 57)
              - { code: GL,  title: Génie logiciel, capacity: 40, conditions: { required_ue: [UEF21] } }
              - { code: RES, title: Réseaux,        capacity: 30, conditions: { min_mark: 10 } }
            """;

    // Most students have West-African names, some French ones; first names follow the last name's
    // origin, with a few mixed.
    private static final String[] LAST_WEST_AFRICAN = {
            "Diallo", "Ndiaye", "N'Diaye", "Sow", "Ba", "Fall", "Camara", "Traoré", "Koné", "Diop",
            "Gueye", "Faye", "Sarr", "Mbaye", "Thiam", "Cissé", "Touré", "Keïta", "Sylla", "Dembélé",
            "Coulibaly", "Ouédraogo", "Konaté", "Sanogo", "Diarra", "Kouyaté", "Niang", "Seck", "Kane",
            "Barry", "Bah", "Doumbia", "Sidibé", "Diouf", "Mbengue", "Sané", "Tall", "Wade"};
    private static final String[] LAST_FRENCH = {
            "Lefèvre", "Martin", "Dupont", "Moreau", "Girard", "Mercier", "Rousseau", "Benoît",
            "Lambert", "Fontaine", "Chevalier", "Hébert", "Lemaître", "Gauthier"};
    private static final String[] FEMALE_WEST_AFRICAN = {
            "Aïssatou", "Awa", "Fatou", "Fatoumata", "Mariama", "Aminata", "Khadija", "Maïmouna",
            "Ndèye", "Ndèye Fatou", "Coumba", "Adja", "Rokhaya", "Binta", "Kadiatou", "Oumou", "Hawa",
            "Salimata", "Marième", "Astou"};
    private static final String[] FEMALE_FRENCH = {
            "Gaëlle", "Béatrice", "Chloé", "Hélène", "Léa", "Zoé", "Anaïs", "Inès", "Émilie", "Clémence",
            "Noémie", "Sarah"};
    private static final String[] MALE_WEST_AFRICAN = {
            "Mamadou", "Moussa", "Ousmane", "Ibrahima", "Abdoulaye", "Cheikh", "Modou", "Amadou",
            "Sékou", "Souleymane", "Boubacar", "Lamine", "Alioune", "Babacar", "Seydou", "Issa",
            "Adama", "Oumar", "Pape", "Pape Mamadou", "Idrissa", "El Hadji"};
    private static final String[] MALE_FRENCH = {
            "Jérôme", "Stéphane", "François", "Noël", "Théo", "Loïc", "Mathéo", "Rémi", "Hugo", "Élie"};

    // Cell values are marks in quarter points (0..80) or one of these codes.
    private static final int ABI = -1, ABJ = -2, EMPTY = -3;
    private static final String[] QUARTERS = {"", ",25", ",5", ",75"};

    public static Summary write(Path dir, Options options) throws IOException {
        if (options.students() < 1) {
            throw new IllegalArgumentException("students must be at least 1: " + options.students());
        }
        if (!options.academicYear().matches("\\d{4}-\\d{4}")) {
            throw new IllegalArgumentException("academic year must look like 2025-2026: " + options.academicYear());
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("programme.yaml"), PROGRAMME.replace("{YEAR}", options.academicYear()),
                StandardCharsets.UTF_8);
        Deliberation rules = new Deliberation(ProgrammeFile.load(dir.resolve("programme.yaml")).programme(),
                RulesProfile.defaults());
        try (Cohort cohort = new Cohort(dir, rules)) {
            // One master generator; each student gets its own split, taken in student order.
            SplittableRandom master = new SplittableRandom(options.seed());
            int width = Math.max(5, Integer.toString(options.students()).length());
            for (int i = 1; i <= options.students(); i++) {
                String id = "E" + "0".repeat(width - Integer.toString(i).length()) + i;
                cohort.student(id, master.split());
            }
            return new Summary(options.students(), cohort.markRows, cohort.attendanceRows, cohort.sanctionRows);
        }
    }

    /** The open CSV writers, their row counts, and the student being written. */
    private static final class Cohort implements AutoCloseable {
        private final Writer students, marks, attendance, sanctions, wishes;
        private final Deliberation rules;
        long markRows, attendanceRows, sanctionRows;
        /** The current student's inputs, for the rules to say where the student is convoked. */
        private final Map<String, MarkRow> sessionOne = new HashMap<>();
        private final Map<String, Entry> replacement = new HashMap<>();
        private final Map<String, Attendance> absences = new HashMap<>();
        private final List<Sanction> sanctioned = new ArrayList<>();
        private final Map<String, Double> form = new HashMap<>();

        Cohort(Path dir, Deliberation rules) throws IOException {
            this.rules = rules;
            students = open(dir.resolve("students.csv"),
                    "student_id;last_name;first_name;level;years_in_cycle;scholarship;bac_series;bac_mention");
            marks = open(dir.resolve("marks.csv"), "student_id;matiere;session;exam;cc;tp");
            attendance = open(dir.resolve("attendance.csv"),
                    "student_id;matiere;abs_justified;abs_unjustified;tp_abs_unjustified");
            sanctions = open(dir.resolve("sanctions.csv"), "student_id;element;sanction;degree");
            wishes = open(dir.resolve("wishes.csv"), "student_id;rank;speciality");
        }

        void student(String id, SplittableRandom rnd) throws IOException {
            double z = gauss(rnd);
            double ability = 10.5 + 2.5 * z;
            // The bac mention follows ability loosely: mostly NONE/AB, few B/TB.
            double m = 0.6 * z + 0.8 * gauss(rnd);
            String mention = m < 0 ? "NONE" : m < 0.9 ? "AB" : m < 1.6 ? "B" : "TB";
            double s = rnd.nextDouble();
            String series = s < 0.72 ? "GENERAL" : s < 0.87 ? "TECHNO" : s < 0.96 ? "PRO" : "OTHER";
            boolean french = rnd.nextDouble() < 0.2;
            String lastName = pick(rnd, french ? LAST_FRENCH : LAST_WEST_AFRICAN);
            boolean frenchFirst = (rnd.nextDouble() < 0.1) != french; // a few mixed names
            String firstName = rnd.nextBoolean()
                    ? pick(rnd, frenchFirst ? FEMALE_FRENCH : FEMALE_WEST_AFRICAN)
                    : pick(rnd, frenchFirst ? MALE_FRENCH : MALE_WEST_AFRICAN);
            String years = rnd.nextDouble() < 0.15 ? "2" : "1";
            boolean scholarship = rnd.nextDouble() < 0.40;
            row(students, id, lastName, firstName, "L1", years, scholarship ? "yes" : "no", series, mention);
            sessionOne.clear();
            replacement.clear();
            absences.clear();
            sanctioned.clear();
            form.clear();

            boolean abandons = rnd.nextDouble() < 0.01;
            for (Matiere mat : MATIERES) {
                if (abandons && mat.semester().equals("S2")) {
                    abandoned(id, mat, rnd);
                } else {
                    matiere(id, mat, ability, rnd);
                }
                attendance(id, mat, rnd);
            }
            // About one student in a hundred is sanctioned in a year (cheating at an exam, mostly).
            if (rnd.nextDouble() < 0.01) {
                sanction(id, rnd);
            }
            rattrapage(new Student(id, lastName, firstName, "L1", Integer.parseInt(years), scholarship, series,
                    mention), rnd);
            wishes(id, rnd);
        }

        /**
         * The rattrapage marks of the matières the rules convoke the student to: most sit the exam and do a
         * little better, a few are absent; now and then a registry enters a mark where nobody was convoked.
         */
        private void rattrapage(Student student, SplittableRandom rnd) throws IOException {
            StudentResult first = rules.sessionOne(new StudentRecord(student, sessionOne, replacement, Map.of(),
                    absences, sanctioned, Set.of(), History.NONE));
            for (StudentResult.Convocation c : first.convocations()) {
                double u = rnd.nextDouble();
                if (u < 0.05) {
                    continue; // no row: absent
                }
                int retake = u < 0.10 ? ABI : mark(rnd, form.get(c.matiere()) + 0.5, 2.5);
                markRow(student.id(), c.matiere(), "2", retake, EMPTY, EMPTY);
            }
            if (first.convocations().isEmpty() && rnd.nextDouble() < 0.005) {
                markRow(student.id(), MATIERES.get(rnd.nextInt(MATIERES.size())).code(), "2", mark(rnd, 12, 3),
                        EMPTY, EMPTY);
            }
        }

        /** Most students list one or two of the programme's specialities, in order. */
        private void wishes(String id, SplittableRandom rnd) throws IOException {
            double u = rnd.nextDouble();
            if (u < 0.15) {
                return;
            }
            boolean gl = rnd.nextDouble() < 0.6;
            row(wishes, id, "1", gl ? "GL" : "RES");
            if (u < 0.75) {
                row(wishes, id, "2", gl ? "RES" : "GL");
            }
        }

        /** Session-1 row, then the replacement row it calls for. */
        private void matiere(String id, Matiere mat, double ability, SplittableRandom rnd) throws IOException {
            // The student's form in this matière, shared by its components; exams mark harder.
            double level = ability - mat.difficulty() + 1.2 * gauss(rnd);
            form.put(mat.code(), level);
            int exam = mat.examWeight() > 0 ? mark(rnd, level - 0.5, 2.5) : EMPTY;
            int cc = mat.ccWeight() > 0 ? mark(rnd, level + 0.5, 2.0) : EMPTY;
            int tp = mat.tpWeight() > 0 ? mark(rnd, level + 1.5, 2.0) : EMPTY;
            double e = rnd.nextDouble();
            if (mat.examWeight() > 0 && e < 0.04) {
                exam = e < 0.02 ? ABI : ABJ;
            }
            if (mat.ccWeight() > 0 && rnd.nextDouble() < 0.01) {
                cc = ABJ;
            }
            if (mat.tpWeight() > 0 && rnd.nextDouble() < 0.01) {
                tp = ABI;
            }
            if (rnd.nextDouble() < 0.005) { // a mark not entered yet
                int c = rnd.nextInt(mat.tpWeight() > 0 ? 3 : 2);
                if (c == 0) exam = EMPTY; else if (c == 1) cc = EMPTY; else tp = EMPTY;
            }
            if (rnd.nextDouble() < 0.003) {
                return; // the whole row is missing from the grade sheet
            }
            markRow(id, mat.code(), "1", exam, cc, tp);
            if (exam == ABJ && rnd.nextDouble() < 0.80) {
                markRow(id, mat.code(), "R", rnd.nextDouble() < 0.05 ? ABI : mark(rnd, level - 0.5, 2.5), EMPTY, EMPTY);
            }
        }

        /** An S2 matière of a student who dropped out: nothing but absences or blanks. */
        private void abandoned(String id, Matiere mat, SplittableRandom rnd) throws IOException {
            if (rnd.nextDouble() < 0.2) {
                return;
            }
            int exam = rnd.nextDouble() < 0.8 ? ABI : EMPTY;
            int cc = absentOrEmpty(rnd);
            int tp = mat.tpWeight() > 0 ? absentOrEmpty(rnd) : EMPTY;
            markRow(id, mat.code(), "1", exam, cc, tp);
        }

        private static int absentOrEmpty(SplittableRandom rnd) {
            double u = rnd.nextDouble();
            return u < 0.70 ? ABI : u < 0.85 ? ABJ : EMPTY;
        }

        /** About 10% of student × matière have absences; 1% enough for exclusion (RULES.md §2). */
        private void attendance(String id, Matiere mat, SplittableRandom rnd) throws IOException {
            double u = rnd.nextDouble();
            if (u >= 0.10) {
                return;
            }
            int justified, unjustified, tp = 0;
            int tpAllowed = mat.tpSessions() / 3; // excluded when tp × 3 > tp_sessions
            if (u < 0.01) {
                int kind = rnd.nextInt(mat.tpSessions() > 0 ? 3 : 2);
                if (kind == 0) {        // ≥ 3 unjustified
                    justified = rnd.nextInt(2);
                    unjustified = 3 + rnd.nextInt(3);
                } else if (kind == 1) { // ≥ 5 in all, fewer than 3 unjustified
                    unjustified = rnd.nextInt(3);
                    justified = 5 - unjustified + rnd.nextInt(3);
                } else {                // too many TP sessions missed
                    justified = rnd.nextInt(2);
                    unjustified = rnd.nextInt(2);
                    tp = tpAllowed + 1 + rnd.nextInt(2);
                }
            } else {
                justified = rnd.nextInt(3);
                unjustified = rnd.nextInt(3);
                tp = mat.tpSessions() > 0 ? rnd.nextInt(tpAllowed + 1) : 0;
                if (justified + unjustified + tp == 0) {
                    justified = 1;
                }
            }
            row(attendance, id, mat.code(), Integer.toString(justified), Integer.toString(unjustified),
                    Integer.toString(tp));
            absences.put(mat.code(), new Attendance(justified, unjustified, tp));
            attendanceRows++;
        }

        private void sanction(String id, SplittableRandom rnd) throws IOException {
            double u = rnd.nextDouble();
            String degree = rnd.nextDouble() < 0.8 ? "1" : "2";
            String element = u < 0.9 ? MATIERES.get(rnd.nextInt(MATIERES.size())).code() : rnd.nextBoolean() ? "S1" : "S2";
            Sanction.Type type = u < 0.45 ? Sanction.Type.ZERO
                    : u < 0.9 ? Sanction.Type.EXCLUSION_MATIERE : Sanction.Type.NON_VALIDATION_SEMESTRE;
            row(sanctions, id, element, type.name(), degree);
            sanctioned.add(new Sanction(element, type, Integer.parseInt(degree)));
            sanctionRows++;
        }

        private void markRow(String id, String matiere, String session, int exam, int cc, int tp) throws IOException {
            row(marks, id, matiere, session, cell(exam), cell(cc), cell(tp));
            if (session.equals("1")) {
                sessionOne.put(matiere, new MarkRow(entry(exam), entry(cc), entry(tp)));
            } else if (session.equals("R")) {
                replacement.put(matiere, entry(exam));
            }
            markRows++;
        }

        private static Entry entry(int value) {
            return Entry.parse(cell(value), true);
        }

        @Override
        public void close() throws IOException {
            try (students; marks; attendance; sanctions; wishes) {
                // closes all five, even if one fails
            }
        }
    }

    /** A mark drawn around {@code mean}, clipped to [0, 20], in quarter points. */
    private static int mark(SplittableRandom rnd, double mean, double sd) {
        long q = Math.round((mean + sd * gauss(rnd)) * 4);
        return (int) Math.max(0, Math.min(80, q));
    }

    /** Box–Muller with StrictMath, so the same seed gives the same numbers on any JVM. */
    private static double gauss(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble(); // in (0, 1], safe for log
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * rnd.nextDouble());
    }

    /** {@code 12}, {@code 12,5}, {@code 12,25}: decimal comma, no useless zeros. */
    private static String cell(int value) {
        return switch (value) {
            case ABI -> "ABI";
            case ABJ -> "ABJ";
            case EMPTY -> "";
            default -> (value / 4) + QUARTERS[value % 4];
        };
    }

    private static String pick(SplittableRandom rnd, String[] names) {
        return names[rnd.nextInt(names.length)];
    }

    private static Writer open(Path file, String header) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
        w.write(header);
        w.write('\n');
        return w;
    }

    // Values never contain ';', quotes or line breaks, so no quoting is needed.
    private static void row(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) w.write(';');
            w.write(cells[i]);
        }
        w.write('\n');
    }
}
