package org.delib.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

class CohortGeneratorTest {

    private static final List<String> FILES =
            List.of("programme.yaml", "students.csv", "marks.csv", "attendance.csv", "sanctions.csv");
    private static final Pattern MARK = Pattern.compile("(1?\\d|20)(,25|,5|,75)?|ABJ|ABI|");

    @TempDir
    static Path tmp;
    static Path dir;
    static CohortGenerator.Summary summary;

    @BeforeAll
    static void generate() throws IOException {
        dir = tmp.resolve("a");
        summary = CohortGenerator.write(dir, new CohortGenerator.Options(2000, 42, "2025-2026"));
    }

    @Test
    void sameSeedGivesIdenticalBytes() throws IOException {
        Path again = tmp.resolve("b");
        Path other = tmp.resolve("c");
        assertThat(CohortGenerator.write(again, new CohortGenerator.Options(2000, 42, "2025-2026"))).isEqualTo(summary);
        CohortGenerator.write(other, new CohortGenerator.Options(2000, 43, "2025-2026"));
        for (String f : FILES) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve(f)));
        }
        assertThat(Files.readAllBytes(other.resolve("marks.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("marks.csv")));
    }

    @Test
    void rowCountsMatchSummary() throws IOException {
        assertThat(rows("students.csv")).hasSize(summary.students()).hasSize(2000);
        assertThat(rows("marks.csv")).hasSize((int) summary.markRows());
        assertThat(rows("attendance.csv")).hasSize((int) summary.attendanceRows());
        assertThat(rows("sanctions.csv")).hasSize((int) summary.sanctionRows());
        // 12 matières: about 12 session-1 rows per student, plus replacement rows, and the rattrapage rows of the
        // students convoked (about half of this weak cohort, to a few matières each).
        assertThat(summary.markRows()).isBetween(12L * 2000 * 110 / 100, 12L * 2000 * 140 / 100);
        assertThat(summary.attendanceRows()).isBetween(12L * 2000 * 8 / 100, 12L * 2000 * 12 / 100);
    }

    @Test
    void programmeHasThirtyCreditsPerSemester() {
        Map<String, Integer> credits = new HashMap<>();
        programmeMatieres().forEach((code, m) -> credits.merge((String) m.get("semester"), (Integer) m.get("credits"), Integer::sum));
        assertThat(credits).containsExactlyInAnyOrderEntriesOf(Map.of("S1", 30, "S2", 30));
    }

    @Test
    void marksAreValidAndFitTheProgramme() throws IOException {
        Map<String, Map<String, Object>> matieres = programmeMatieres();
        Set<String> students = new HashSet<>();
        rows("students.csv").forEach(r -> students.add(r[0]));
        Set<String> seen = new HashSet<>();
        for (String[] r : rows("marks.csv")) {
            assertThat(r).hasSize(6);
            assertThat(students).contains(r[0]);
            assertThat(matieres).containsKey(r[1]);
            assertThat(r[2]).isIn("1", "R", "2");
            Map<?, ?> weights = (Map<?, ?>) matieres.get(r[1]).get("weights");
            String[] components = {"exam", "cc", "tp"};
            for (int k = 0; k < 3; k++) {
                String v = r[3 + k];
                assertThat(MARK.matcher(v).matches()).as(String.join(";", r)).isTrue();
                if (!v.isEmpty() && !v.startsWith("AB")) {
                    assertThat(Double.parseDouble(v.replace(',', '.'))).isBetween(0.0, 20.0);
                }
                // A component the matière lacks is always empty; R and 2 rows fill only the exam.
                if (!weights.containsKey(components[k]) || (k > 0 && !r[2].equals("1"))) {
                    assertThat(v).as(String.join(";", r)).isEmpty();
                }
            }
            assertThat(seen.add(r[0] + ";" + r[1] + ";" + r[2])).as("duplicate " + String.join(";", r)).isTrue();
        }
        for (String[] r : rows("attendance.csv")) {
            assertThat(matieres).containsKey(r[1]);
        }
        for (String[] r : rows("sanctions.csv")) {
            assertThat(r[1]).matches(e -> matieres.containsKey(e) || e.equals("S1") || e.equals("S2"));
        }
    }

    @Test
    void rowsAreInStudentOrder() throws IOException {
        for (String f : List.of("students.csv", "marks.csv", "attendance.csv", "sanctions.csv")) {
            String previous = "";
            for (String[] r : rows(f)) {
                assertThat(r[0].compareTo(previous)).as(f + " " + r[0]).isGreaterThanOrEqualTo(0);
                previous = r[0];
            }
        }
        assertThat(rows("students.csv").get(0)[0]).isEqualTo("E00001");
    }

    @Test
    void filesAreUtf8WithoutBomAndUnixLineEnds() throws IOException {
        for (String f : FILES) {
            byte[] bytes = Files.readAllBytes(dir.resolve(f));
            assertThat(bytes[0]).as(f).isNotEqualTo((byte) 0xEF);
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).as(f).doesNotContain("\r").endsWith("\n");
        }
    }

    /** Matière code → its YAML map, with the semester code added. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> programmeMatieres() {
        Map<String, Object> programme = new YAMLMapper().readValue(dir.resolve("programme.yaml").toFile(), Map.class);
        assertThat(programme).containsEntry("code", "LIC-INFO");
        Map<String, Map<String, Object>> result = new HashMap<>();
        for (Map<String, Object> semester : (List<Map<String, Object>>) programme.get("semesters")) {
            for (Map<String, Object> ue : (List<Map<String, Object>>) semester.get("ues")) {
                for (Map<String, Object> m : (List<Map<String, Object>>) ue.get("matieres")) {
                    Map<String, Object> copy = new HashMap<>(m);
                    copy.put("semester", semester.get("code"));
                    result.put((String) m.get("code"), copy);
                }
            }
        }
        return result;
    }

    private static List<String[]> rows(String file) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(";", -1));
        }
        return rows;
    }
}
