package org.delib.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The maquette of a programme (parcours): its semesters in order, and the specialities it leads to. */
public record Programme(String code, String title, Cycle cycle, String rules, List<Semester> semesters,
                        List<Speciality> specialities) {

    private static final BigDecimal SEMESTER_CREDITS = BigDecimal.valueOf(30);

    public Programme {
        semesters = List.copyOf(semesters);
        specialities = List.copyOf(specialities);
    }

    /** The semesters of one year level, in programme order. */
    public List<Semester> semestersOf(String level) {
        return semesters.stream().filter(s -> s.level().equals(level)).toList();
    }

    public boolean hasLevel(String level) {
        return semesters.stream().anyMatch(s -> s.level().equals(level));
    }

    public Optional<Semester> semester(String code) {
        return semesters.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** Every matière by code, in programme order. */
    public Map<String, Matiere> matieres() {
        Map<String, Matiere> all = new LinkedHashMap<>();
        semesters.forEach(s -> s.ues().forEach(u -> u.matieres().forEach(m -> all.put(m.code(), m))));
        return all;
    }

    /** The semester a matière belongs to. */
    public Map<String, Semester> semesterOfMatiere() {
        Map<String, Semester> all = new LinkedHashMap<>();
        semesters.forEach(s -> s.ues().forEach(u -> u.matieres().forEach(m -> all.put(m.code(), s))));
        return all;
    }

    /**
     * What makes the maquette unusable (FORMATS: an inconsistent programme fails the run before any mark is read).
     * Empty when it is consistent.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        if (semesters.isEmpty()) {
            problems.add("programme " + code + " has no semester");
        }
        for (Semester s : semesters) {
            if (!codes.add(s.code())) {
                problems.add("code " + s.code() + " is used twice");
            }
            if (!cycle.levels().contains(s.level())) {
                problems.add("semester " + s.code() + ": level " + s.level() + " is not a level of the " + cycle
                        + " cycle " + cycle.levels());
            }
            if (s.ues().isEmpty()) {
                problems.add("semester " + s.code() + " has no UE");
            } else if (s.credits().compareTo(SEMESTER_CREDITS) != 0) {
                problems.add("semester " + s.code() + " has " + s.credits().stripTrailingZeros().toPlainString()
                        + " credits, not 30");
            }
            for (Ue u : s.ues()) {
                if (!codes.add(u.code())) {
                    problems.add("code " + u.code() + " is used twice");
                }
                if (u.matieres().isEmpty()) {
                    problems.add("UE " + u.code() + " has no matière");
                }
                if (u.coefficient().signum() <= 0) {
                    problems.add("UE " + u.code() + ": coefficient must be positive");
                }
                for (Matiere m : u.matieres()) {
                    if (!codes.add(m.code())) {
                        problems.add("code " + m.code() + " is used twice");
                    }
                    if (m.coefficient().signum() <= 0) {
                        problems.add("matière " + m.code() + ": coefficient must be positive");
                    }
                    if (m.credits().signum() < 0) {
                        problems.add("matière " + m.code() + ": credits must not be negative");
                    }
                    if (m.weights().isEmpty() || m.weights().values().stream().anyMatch(w -> w.signum() <= 0)) {
                        problems.add("matière " + m.code() + ": needs at least one component, each with a positive weight");
                    }
                    if (m.has(Component.TP) && m.tpSessions() <= 0) {
                        problems.add("matière " + m.code() + ": has TP but no tp_sessions");
                    }
                }
            }
        }
        for (String level : cycle.levels()) {
            if (codes.contains(level)) {
                problems.add("code " + level + " is reserved for the year");
            }
        }
        return problems;
    }
}
