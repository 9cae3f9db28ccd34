package org.delib.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.delib.rules.Component;
import org.delib.rules.Cycle;
import org.delib.rules.Matiere;
import org.delib.rules.Nature;
import org.delib.rules.Programme;
import org.delib.rules.Semester;
import org.delib.rules.Speciality;
import org.delib.rules.Ue;
import tools.jackson.databind.JsonNode;

/** programme.yaml as written (FORMATS: the maquette), turned into the rules' {@link Programme}. */
public record ProgrammeFile(String code, String title, String cycle, String rules, JsonNode settings,
                            List<SemesterFile> semesters, List<SpecialityFile> specialities) {

    public record SemesterFile(String code, String level, List<UeFile> ues) {}

    public record UeFile(String code, String title, String nature, BigDecimal coefficient, Boolean required,
                         List<MatiereFile> matieres) {}

    public record MatiereFile(String code, String title, BigDecimal coefficient, BigDecimal credits,
                              Map<String, BigDecimal> weights, Integer tpSessions) {}

    public record SpecialityFile(String code, String title, int capacity, Conditions conditions) {}

    public record Conditions(List<String> requiredUe, BigDecimal minMark) {}

    /** Reads and checks a maquette; any inconsistency fails with every problem found, on one line. */
    public static Loaded load(java.nio.file.Path file) {
        ProgrammeFile f = Yaml.read(file, ProgrammeFile.class);
        List<String> problems = new ArrayList<>();
        Programme programme = f.toProgramme(problems);
        if (problems.isEmpty()) {
            problems.addAll(programme.problems());
        }
        if (!problems.isEmpty()) {
            throw new InputException(file.getFileName() + ": inconsistent programme: " + String.join("; ", problems));
        }
        return new Loaded(programme, f.settings());
    }

    /** A consistent programme and the settings it overrides in its rules profile. */
    public record Loaded(Programme programme, JsonNode settings) {}

    private Programme toProgramme(List<String> problems) {
        require(code, "code", problems);
        if (code != null && !code.matches("(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            problems.add("code " + code + " must be a plain code (letters, digits, '-', '_', '.'; no '..')");
        }
        Cycle c = parse(Cycle.class, cycle, "cycle", problems);
        List<Semester> ss = new ArrayList<>();
        for (SemesterFile s : orEmpty(semesters)) {
            require(s.code(), "semester code", problems);
            List<Ue> ues = new ArrayList<>();
            for (UeFile u : orEmpty(s.ues())) {
                String where = "UE " + u.code();
                Nature nature = parse(Nature.class, u.nature(), where + ": nature", problems);
                List<Matiere> ms = new ArrayList<>();
                for (MatiereFile m : orEmpty(u.matieres())) {
                    ms.add(matiere(m, problems));
                }
                ues.add(new Ue(u.code(), u.title(), nature, positive(u.coefficient(), where + ": coefficient", problems),
                        Boolean.TRUE.equals(u.required()), ms));
            }
            ss.add(new Semester(s.code(), s.level(), ues));
        }
        List<Speciality> sp = new ArrayList<>();
        for (SpecialityFile s : orEmpty(specialities)) {
            Conditions cond = s.conditions() == null ? new Conditions(List.of(), null) : s.conditions();
            sp.add(new Speciality(s.code(), s.title(), s.capacity(), orEmpty(cond.requiredUe()), cond.minMark()));
        }
        return new Programme(code, title, c, rules == null ? "lmd-unipro" : rules, ss, sp);
    }

    private static Matiere matiere(MatiereFile m, List<String> problems) {
        String where = "matière " + m.code();
        require(m.code(), "matière code", problems);
        Map<Component, BigDecimal> weights = new EnumMap<>(Component.class);
        for (Map.Entry<String, BigDecimal> w : (m.weights() == null ? Map.<String, BigDecimal>of() : m.weights()).entrySet()) {
            Component component = null;
            for (Component candidate : Component.values()) {
                if (candidate.column().equals(w.getKey())) {
                    component = candidate;
                }
            }
            if (component == null) {
                problems.add(where + ": unknown component " + w.getKey() + " (exam, cc or tp)");
            } else if (w.getValue() == null) {
                problems.add(where + ": weight of " + w.getKey() + " is missing");
            } else {
                weights.put(component, w.getValue());
            }
        }
        return new Matiere(m.code(), m.title(), positive(m.coefficient(), where + ": coefficient", problems),
                m.credits() == null ? missing(where + ": credits", problems) : m.credits(), weights,
                m.tpSessions() == null ? 0 : m.tpSessions());
    }

    private static BigDecimal positive(BigDecimal value, String what, List<String> problems) {
        return value == null ? missing(what, problems) : value;
    }

    private static BigDecimal missing(String what, List<String> problems) {
        problems.add(what + " is missing");
        return BigDecimal.ONE;
    }

    private static void require(String value, String what, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(what + " is missing");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what, List<String> problems) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        problems.add(what + ": unknown value " + value + " (expected one of "
                + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        return type.getEnumConstants()[0];
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
