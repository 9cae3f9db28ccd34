package org.delib.reports.pv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.delib.rules.Decision;
import org.delib.rules.ElementResult;
import org.delib.rules.Result;
import org.delib.rules.StudentResult;

/** One student's line of the PV: their elements by code and the rachats the jury granted them. */
record PvLine(StudentResult result, Map<String, ElementResult> elements, List<Rachat> rachats) {

    /**
     * @throws IllegalArgumentException when the student is not of {@code level}: the PV's columns are that level's
     *                                  UEs, so such a student would be printed wrong
     */
    static PvLine of(StudentResult r, String level, Map<String, List<Rachat>> rachats) {
        if (!level.equals(r.student().level())) {
            throw new IllegalArgumentException("student " + r.student().id() + " is in " + r.student().level()
                    + ", not in " + level + " of this PV");
        }
        Map<String, ElementResult> byCode = new HashMap<>();
        r.elements().forEach(e -> byCode.put(e.code(), e));
        byCode.put(r.year().code(), r.year());
        // Only rachats that applied: the element now carries ADJ (a refused one is reported elsewhere, RULES §12.16).
        List<Rachat> granted = rachats.getOrDefault(r.student().id(), List.of()).stream()
                .filter(x -> byCode.containsKey(x.element()) && byCode.get(x.element()).result() == Result.ADJ)
                .toList();
        return new PvLine(r, byCode, granted);
    }

    ElementResult element(String code) {
        return elements.get(code);
    }

    String id() {
        return result.student().id();
    }

    String name() {
        return result.student().lastName() + " " + result.student().firstName();
    }

    /** "UEF11 : reason; S2 : reason". */
    String rachatText() {
        return rachats.stream().map(x -> x.element() + " : " + x.reason()).collect(Collectors.joining("; "));
    }

    /**
     * The Dettes column: "L1 réglée" for each earlier level this run decided again and found acquired (Art. 32), then
     * "dues : …" with what is owed after this run — an AJAC decision's debts (the earlier levels' first), or else
     * what is still not acquired of the earlier levels (RULES §12.13 on their elements decided again, which come in
     * programme order: each UE after its matières, each semester after its UEs, the year last).
     */
    String debtsText() {
        List<String> parts = new ArrayList<>();
        List<String> owed = new ArrayList<>();
        List<String> inUe = new ArrayList<>();
        List<String> inSemester = new ArrayList<>();
        List<String> inLevel = new ArrayList<>();
        for (ElementResult e : result.earlier()) {
            boolean acquired = e.result().acquired();
            switch (e.kind()) {
                case MATIERE -> {
                    if (!acquired) {
                        inUe.add(e.code());
                    }
                }
                case UE -> moveUnless(acquired, inUe, inSemester);
                case SEMESTRE -> moveUnless(acquired, inSemester, inLevel);
                case ANNEE -> {
                    if (acquired) {
                        parts.add(e.code() + " réglée");
                    }
                    moveUnless(acquired, inLevel, owed);
                }
            }
        }
        if (!result.debts().isEmpty()) {
            owed = result.debts();
        }
        if (!owed.isEmpty()) {
            parts.add("dues : " + String.join(", ", owed));
        }
        return String.join(" ; ", parts);
    }

    /** Moves what {@code from} holds to {@code to}, unless the element above was acquired: then it is not owed. */
    private static void moveUnless(boolean acquired, List<String> from, List<String> to) {
        if (!acquired) {
            to.addAll(from);
        }
        from.clear();
    }

    /** Counts decisions as the students stream by. */
    static final class Tally {
        private final Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        private int total;

        void add(Decision d) {
            counts.merge(d, 1, Integer::sum);
            total++;
        }

        /** The decisions that occurred, in the enum's order, with their counts. */
        Map<Decision, Integer> counts() {
            return new EnumMap<>(counts);
        }

        int total() {
            return total;
        }
    }
}
