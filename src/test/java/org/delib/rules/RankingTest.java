package org.delib.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.delib.rules.Fixtures.e;
import static org.delib.rules.Fixtures.flat;
import static org.delib.rules.Fixtures.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.delib.rules.Fixtures.Record;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Ranking mark, ranks and majors, computed by hand (Art. 55, 56, 69, 70; RULES §9). */
class RankingTest {

    private final RulesProfile profile = RulesProfile.defaults();

    private static List<BigDecimal> marks(String... marks) {
        return Arrays.stream(marks).map(BigDecimal::new).toList();
    }

    /** An entry of L3 with one semester mark per argument. */
    private static Ranking.Entry entry(String id, int r, int d, int s, boolean sanctioned, boolean rattrapage,
                                       boolean july, String... marks) {
        return new Ranking.Entry(id, "L3", marks(marks), r, d, s, sanctioned, rattrapage, july);
    }

    private static Ranking.Entry clean(String id, String mark) {
        return entry(id, 0, 0, 0, false, false, false, mark);
    }

    private Map<String, Ranking.Row> rank(Ranking.Entry... entries) {
        return Ranking.rank(List.of(entries), profile).stream()
                .collect(Collectors.toMap(Ranking.Row::studentId, Function.identity()));
    }

    private static History.Line line(String year, String element, String mark, String credits, Result result,
                                     int session) {
        return new History.Line(year, element, mark == null ? null : new BigDecimal(mark), new BigDecimal(credits),
                result, session);
    }

    private static ElementResult semester(String code, String mark, Result result, String credits, int session) {
        return new ElementResult(code, ElementKind.SEMESTRE, new BigDecimal(mark), result, new BigDecimal(credits),
                session);
    }

    private static Student student(String level, int yearsInCycle) {
        return new Student("E001", "Diallo", "Awa", level, yearsInCycle, true, "GENERAL", "B");
    }

    @Test
    @DisplayName("Art. 55, RULES §9: MSE 12.00, r = 1, d = 1, s = 2 → MC = 12 × (1 − 0.04 × (1 + 1/2 + 2/4)) = 11.04")
    void workedExample() {
        assertThat(Ranking.mc(new BigDecimal("12.00"), 1, 1, 2, profile)).isEqualTo("11.04");
        // 12 × 0.92 = 11.04; MSE (11 + 13 + 12.5 + 11.5) / 4 = 12.00
        Ranking.Row row = rank(entry("E1", 1, 1, 2, false, true, false, "11", "13", "12.5", "11.5")).get("E1");
        assertThat(row.mse()).isEqualTo("12.00");
        assertThat(row.mc()).isEqualTo("11.04");
        assertThat(row.rank()).isEqualTo(1);
        assertThat(row.major()).isFalse(); // repeated a year
    }

    @Test
    @DisplayName("RULES §0, §9: MSE (10 + 10.01)/2 = 10.005 → 10.01, and MC 11.25 × 0.98 = 11.025 → 11.03, both half-up")
    void roundedHalfUp() {
        Map<String, Ranking.Row> rows = rank(clean("E1", "10"), entry("E2", 0, 0, 0, false, false, false, "10", "10.01"),
                entry("E3", 0, 1, 0, false, true, false, "11", "11.50"));
        assertThat(rows.get("E1").mc()).isEqualTo("10.00");
        assertThat(rows.get("E2").mse()).isEqualTo("10.01");
        assertThat(rows.get("E2").mc()).isEqualTo("10.01");
        assertThat(rows.get("E3").mse()).isEqualTo("11.25");
        assertThat(rows.get("E3").mc()).isEqualTo("11.03");
    }

    @Test
    @DisplayName("Art. 55: ties share a rank — 12.50 with a repeated year (× 0.96) is 12.00, like a clean 12.00: 1, 2, 2, 4")
    void tiesShareARank() {
        List<Ranking.Row> rows = Ranking.rank(List.of(clean("E4", "11"), entry("E3", 1, 0, 0, false, false, false, "12.50"),
                clean("E2", "12"), clean("E1", "13")), profile);
        assertThat(rows).extracting(Ranking.Row::studentId).containsExactly("E1", "E2", "E3", "E4");
        assertThat(rows).extracting(Ranking.Row::rank).containsExactly(1, 2, 2, 4);
        assertThat(rows.get(2).mc()).isEqualTo("12.00");
        assertThat(rows).extracting(Ranking.Row::major).containsExactly(true, false, false, false);
    }

    @Test
    @DisplayName("Art. 55: in a cohort of 2,000 with many ties, each rank is 1 + the number of MCs above it")
    void everyRankIsOnePlusTheMcsAbove() {
        Random random = new Random(55);
        List<Ranking.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // Marks on a coarse grid, and repeated years: plenty of equal MCs.
            String mark = Integer.toString(8 + random.nextInt(9)) + (random.nextBoolean() ? ".50" : "");
            entries.add(entry(String.format("E%04d", i), random.nextInt(2), 0, 0, false, false, false, mark));
        }
        List<Ranking.Row> rows = Ranking.rank(entries, profile);
        assertThat(rows).hasSize(2000);
        for (Ranking.Row row : rows) {
            long above = rows.stream().filter(other -> other.mc().compareTo(row.mc()) > 0).count();
            assertThat(row.rank()).as(row.studentId()).isEqualTo(1 + above);
        }
    }

    @Test
    @DisplayName("Art. 69: the best MC (15.00) has a sanction, 14.00 repeated, 13.50 needed rattrapage: the majors are the two 13.00")
    void majorDisplacedBySanction() {
        Map<String, Ranking.Row> rows = rank(entry("E1", 0, 0, 0, true, false, false, "15"),
                entry("E2", 1, 0, 0, false, false, false, "14.58"), // 14.58 × 0.96 = 13.9968 → 14.00
                entry("E3", 0, 0, 0, false, true, false, "13.50"),
                clean("E4", "13"), clean("E5", "13"), clean("E6", "12"));
        assertThat(rows.get("E2").mc()).isEqualTo("14.00");
        assertThat(rows.get("E1").rank()).isEqualTo(1);
        assertThat(rows.get("E1").major()).isFalse();
        assertThat(rows.get("E2").major()).isFalse();
        assertThat(rows.get("E3").major()).isFalse();
        // Ties are all declared.
        assertThat(rows.get("E4").major()).isTrue();
        assertThat(rows.get("E5").major()).isTrue();
        assertThat(rows.get("E4").rank()).isEqualTo(4);
        assertThat(rows.get("E6").major()).isFalse();
    }

    @Test
    @DisplayName("Art. 70: July defenders come first — 13.00 in July is major before 15.00 in September")
    void julyDefencePreferred() {
        Map<String, Ranking.Row> rows = rank(clean("E1", "15"), entry("E2", 0, 0, 0, false, false, true, "13"),
                entry("E3", 0, 0, 0, false, false, true, "12"), entry("E4", 0, 0, 0, true, false, true, "16"));
        assertThat(rows.get("E2").major()).isTrue();
        assertThat(rows.get("E1").major()).isFalse();
        assertThat(rows.get("E3").major()).isFalse();
        assertThat(rows.get("E4").major()).isFalse(); // July, but sanctioned (Art. 69)
        assertThat(rows.get("E2").rank()).isEqualTo(3);
    }

    @Test
    @DisplayName("RULES §9: one ranking per year level, each with its own major; rows by level, then rank")
    void oneRankingPerLevel() {
        List<Ranking.Row> rows = Ranking.rank(List.of(
                new Ranking.Entry("E1", "L2", marks("11"), 0, 0, 0, false, false, false),
                new Ranking.Entry("E2", "L1", marks("14"), 0, 0, 0, false, false, false),
                new Ranking.Entry("E3", "L2", marks("12"), 0, 0, 0, false, false, false),
                new Ranking.Entry("E4", "L1", marks("10"), 0, 0, 0, false, false, false)), profile);
        assertThat(rows).extracting(Ranking.Row::studentId).containsExactly("E2", "E4", "E3", "E1");
        assertThat(rows).extracting(Ranking.Row::rank).containsExactly(1, 2, 1, 2);
        assertThat(rows).extracting(Ranking.Row::major).containsExactly(true, false, true, false);
        assertThatThrownBy(() -> Ranking.rank(List.of(clean("E1", "10"), clean("E1", "11")), profile))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * L2, third year in the cycle. 2022-2023 L1: S1 6.00 AJ (session 2), S2 13.00, year 9.50 AJ → RED.
     * 2023-2024 L1 again: S1 14.50 acquired at session 2, S2 14.50, year ADM. This year: S3 15.00 acquired at
     * session 2, S4 9.00 AJ, year CMP → AJAC (S4 not acquired, ≥ 90 credits over S1–S4).
     */
    @Test
    @DisplayName("Art. 55: from the history and this year, MSE (6 + 13 + 14.5 + 14.5 + 15 + 9)/6 = 12.00, r = 3 − 2 = 1, d = 1, s = 2 → 11.04")
    void entryFromHistory() {
        History history = new History(List.of(
                line("2022-2023", "S1", "6.00", "4", Result.AJ, 2),
                line("2022-2023", "UEF11", "5.00", "0", Result.AJ, 2), // a UE: not a semester mark
                line("2022-2023", "S2", "13.00", "30", Result.ADM, 1),
                line("2022-2023", "L1", "9.50", "34", Result.AJ, 2),
                line("2023-2024", "S1", "14.50", "30", Result.ADM, 2),
                line("2023-2024", "S2", "14.50", "30", Result.ADM, 1),
                line("2023-2024", "L1", "14.50", "60", Result.ADM, 2)));
        StudentResult thisYear = new StudentResult(student("L2", 3),
                List.of(semester("S3", "15.00", Result.ADM, "30", 2), semester("S4", "9.00", Result.AJ, "20", 1)),
                new ElementResult("L2", ElementKind.ANNEE, new BigDecimal("12.00"), Result.CMP, new BigDecimal("60"), 2),
                Decision.AJAC, "L3", List.of("ANA-S4"), List.of(), List.of(), List.of());

        Ranking.Entry entry = Ranking.Entry.of(Fixtures.fullLicence(), thisYear, history, false, false);
        assertThat(entry.semesterMarks()).hasSize(6);
        assertThat(entry.r()).isEqualTo(1);
        assertThat(entry.d()).isEqualTo(1);  // this year's AJAC; L1's latest year line is ADM
        assertThat(entry.s()).isEqualTo(2);  // S1 of 2023-2024 and S3; S1 of 2022-2023 was not acquired
        assertThat(entry.rattrapage()).isTrue();
        Ranking.Row row = Ranking.rank(List.of(entry), profile).get(0);
        assertThat(row.mse()).isEqualTo("12.00");
        assertThat(row.mc()).isEqualTo("11.04");
    }

    @Test
    @DisplayName("Art. 32, RULES §7: in L3, an L1 year line AJ and an L2 left with S1 still AJ are two years with debt: d = 2, 11.50 × 0.96 = 11.04")
    void debtsFromHistory() {
        History history = new History(List.of(
                line("2022-2023", "S1", "9.00", "20", Result.AJ, 2),
                line("2022-2023", "S2", "12.00", "30", Result.ADM, 1),
                line("2022-2023", "L1", "10.50", "50", Result.AJ, 2), // no compensation (an exclusion): AJAC
                line("2023-2024", "S3", "12.00", "30", Result.ADM, 1),
                line("2023-2024", "S4", "12.00", "30", Result.ADM, 1),
                line("2023-2024", "L2", "12.00", "60", Result.ADM, 1))); // S1–S4 not all acquired: AJAC
        StudentResult thisYear = new StudentResult(student("L3", 3),
                List.of(semester("S5", "12.00", Result.ADM, "30", 1), semester("S6", "12.00", Result.ADM, "30", 1)),
                new ElementResult("L3", ElementKind.ANNEE, new BigDecimal("12.00"), Result.ADM, new BigDecimal("60"), 1),
                Decision.RED, "L3", List.of(), List.of(), List.of(), List.of()); // 170 credits: no diploma

        Ranking.Entry entry = Ranking.Entry.of(Fixtures.fullLicence(), thisYear, history, false, true);
        assertThat(entry.r()).isZero();
        assertThat(entry.d()).isEqualTo(2);
        assertThat(entry.s()).isZero();
        assertThat(entry.rattrapage()).isTrue();
        Ranking.Row row = Ranking.rank(List.of(entry), profile).get(0);
        assertThat(row.mse()).isEqualTo("11.50"); // 69 / 6
        assertThat(row.mc()).isEqualTo("11.04");
        assertThat(row.major()).isFalse();

        // With no line at all for the earlier levels there is nothing to count.
        assertThat(Ranking.Entry.of(Fixtures.fullLicence(), thisYear, History.NONE, false, true).d()).isZero();
    }

    /** The L1 year of 2025-2026 of a student admitted with debt: S1 8.25 AJ, S2 12.00, L1 9.50 AJ → AJAC. */
    private static List<History.Line> l1Ajac() {
        return List.of(line("2025-2026", "S1", "8.25", "20", Result.AJ, 1),
                line("2025-2026", "S2", "12.00", "30", Result.ADM, 1),
                line("2025-2026", "L1", "9.50", "50", Result.AJ, 1));
    }

    private static final History.Year AJAC_L1 = new History.Year("2025-2026", "L1", Decision.AJAC);

    @Test
    @DisplayName("Art. 32, 55, RULES §9: the run that decides L1 again in L2 ranks S1 as decided again (10.88 for 8.25): "
            + "MSE (10.88 + 12 + 12 + 12)/4 = 11.72, d = 1 (the L1 AJAC) → 11.72 × 0.98 = 11.49")
    void semesterDecidedAgainThisYear() {
        ElementResult s1 = semester("S1", "10.88", Result.ADM, "30", 1);
        StudentResult thisYear = new StudentResult(student("L2", 2),
                List.of(semester("S3", "12.00", Result.ADM, "30", 1), semester("S4", "12.00", Result.ADM, "30", 1)),
                new ElementResult("L2", ElementKind.ANNEE, new BigDecimal("12.00"), Result.ADM, new BigDecimal("60"), 1),
                Decision.ADM, "L3", List.of(), List.of(), List.of(), List.of(),
                List.of(s1, new ElementResult("L1", ElementKind.ANNEE, new BigDecimal("11.25"), Result.ADM,
                        new BigDecimal("60"), 1)));

        Ranking.Entry entry = Ranking.Entry.of(Fixtures.fullLicence(), thisYear,
                new History(l1Ajac(), List.of(AJAC_L1)), false, false);
        assertThat(entry.semesterMarks()).containsExactly(new BigDecimal("10.88"), new BigDecimal("12.00"),
                new BigDecimal("12.00"), new BigDecimal("12.00"));
        assertThat(List.of(entry.r(), entry.d(), entry.s())).containsExactly(0, 1, 0);
        Ranking.Row row = Ranking.rank(List.of(entry), profile).get(0);
        assertThat(row.mse()).isEqualTo("11.72");
        assertThat(row.mc()).isEqualTo("11.49");
    }

    @Test
    @DisplayName("Art. 32, 55, RULES §9: the year after, S1 decided again in 2026-2027 replaces S1 of 2025-2026, and the "
            + "L1 AJAC still counts though L1 is now ADM: MSE (10.88 + 12 + 12 + 12 + 13 + 11)/6 = 11.81, d = 1 → 11.57")
    void semesterDecidedAgainInAnEarlierYear() {
        List<History.Line> lines = new java.util.ArrayList<>(l1Ajac());
        lines.addAll(List.of(line("2026-2027", "S3", "12.00", "30", Result.ADM, 1),
                line("2026-2027", "S4", "12.00", "30", Result.ADM, 1),
                line("2026-2027", "L2", "12.00", "60", Result.ADM, 1),
                line("2026-2027", "S1", "10.88", "30", Result.ADM, 1), // L1 decided again with its debt
                line("2026-2027", "L1", "11.25", "60", Result.ADM, 1)));
        History history = new History(lines, List.of(AJAC_L1,
                new History.Year("2026-2027", "L2", Decision.ADM)));
        StudentResult thisYear = new StudentResult(student("L3", 3),
                List.of(semester("S5", "13.00", Result.ADM, "30", 1), semester("S6", "11.00", Result.ADM, "30", 1)),
                new ElementResult("L3", ElementKind.ANNEE, new BigDecimal("12.00"), Result.ADM, new BigDecimal("60"), 1),
                Decision.DIPL, "", List.of(), List.of(), List.of(), List.of());

        Ranking.Entry entry = Ranking.Entry.of(Fixtures.fullLicence(), thisYear, history, false, false);
        assertThat(entry.semesterMarks()).hasSize(6).contains(new BigDecimal("10.88"))
                .doesNotContain(new BigDecimal("8.25"));
        assertThat(List.of(entry.r(), entry.d(), entry.s())).containsExactly(0, 1, 0);
        Ranking.Row row = Ranking.rank(List.of(entry), profile).get(0);
        assertThat(row.mse()).isEqualTo("11.81"); // 70.88 / 6 = 11.813
        assertThat(row.mc()).isEqualTo("11.57"); // 11.81 × 0.98 = 11.5738

        // Without the decisions (history.csv lines) the year lines stand in: L1's latest is ADM, d = 0; a year's
        // level is then the latest it has lines of, so S1 of 2026-2027 still replaces, not adds.
        Ranking.Entry fromLines = Ranking.Entry.of(Fixtures.fullLicence(), thisYear, new History(lines), false, false);
        assertThat(fromLines.semesterMarks()).hasSize(6);
        assertThat(fromLines.d()).isZero();
    }

    /**
     * S1 as in SessionTwoTest: ANA1 6, ALGO1 (exam 6, CC 14, TP 12), the others 9; S2 all 12. Rattrapage ALGO1 11 →
     * (22 + 14 + 12)/4 = 12.00, PHYS1 16 → 13.67: S1 = (9.60×3 + 9×2 + 13.67 + 9)/7 = 9.92 AJ, session 2.
     */
    private static Record convokedToS1() {
        Record rec = Record.allAt("12").semesterAt(Fixtures.S1, "9").set("ANA1", flat("6"))
                .set("ALGO1", row("6", "14", "12"));
        rec.s2.put("ALGO1", e("11"));
        rec.s2.put("PHYS1", e("16"));
        return rec;
    }

    @Test
    @DisplayName("Art. 55: after the final deliberation, S1 9.92 AJ and S2 12.00, AJAC: MSE 10.96, d = 1, MC 10.96 × 0.98 = 10.74")
    void entryFromTheFinalDeliberation() {
        Deliberation l1 = new Deliberation(Fixtures.licenceInfo(), Fixtures.profile(false, false));
        StudentResult ajac = l1.sessionTwo(convokedToS1().build());
        assertThat(ajac.decision()).isEqualTo(Decision.AJAC);
        Ranking.Entry entry = Ranking.Entry.of(Fixtures.licenceInfo(), ajac, History.NONE, false, false);
        assertThat(entry.semesterMarks()).containsExactly(new BigDecimal("9.92"), new BigDecimal("12.00"));
        assertThat(List.of(entry.r(), entry.d(), entry.s())).containsExactly(0, 1, 0);
        assertThat(entry.rattrapage()).isTrue();
        assertThat(Ranking.rank(List.of(entry), profile).get(0).mc()).isEqualTo("10.74");

        // ARCH1 16 → 13.67, UEM11 (18 + 13.67)/3 = 10.56; ANG1 16 → 12.50: S1 = (28.80 + 21.12 + 13.67 + 12.50)/7
        // = 10.87 CMP at session 2, s = 1; MSE (10.87 + 12)/2 = 11.435 → 11.44, MC 11.44 × 0.99 = 11.3256 → 11.33.
        Record rec = convokedToS1();
        rec.s2.put("ARCH1", e("16"));
        rec.s2.put("ANG1", e("16"));
        StudentResult admitted = l1.sessionTwo(rec.build());
        assertThat(admitted.decision()).isEqualTo(Decision.ADM);
        Ranking.Entry after = Ranking.Entry.of(Fixtures.licenceInfo(), admitted, History.NONE, false, false);
        assertThat(List.of(after.r(), after.d(), after.s())).containsExactly(0, 0, 1);
        Ranking.Row row = Ranking.rank(List.of(after), profile).get(0);
        assertThat(row.mse()).isEqualTo("11.44");
        assertThat(row.mc()).isEqualTo("11.33");
        assertThat(row.major()).isFalse();

        // Everything at 12 at session 1: nothing to count, no rattrapage, the major.
        StudentResult clean = l1.sessionTwo(Record.allAt("12").build());
        Ranking.Entry cleanEntry = Ranking.Entry.of(Fixtures.licenceInfo(), clean, History.NONE, false, false);
        assertThat(cleanEntry.rattrapage()).isFalse();
        assertThat(Ranking.rank(List.of(cleanEntry), profile).get(0).major()).isTrue();
    }

    @Test
    @DisplayName("RULES §12.8: an abandonment (DEF) is not ranked")
    void abandonmentNotRanked() {
        Record abandoned = Record.allAt("12");
        Fixtures.S2.forEach(m -> abandoned.set(m, row("ABI", "ABI", "")));
        StudentResult def = new Deliberation(Fixtures.licenceInfo(), profile).sessionTwo(abandoned.build());
        assertThat(Ranking.ranks(def)).isFalse();
        assertThatThrownBy(() -> Ranking.Entry.of(Fixtures.licenceInfo(), def, History.NONE, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEF");
    }
}
