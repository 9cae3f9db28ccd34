package org.delib.rules;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who is excluded from which matière: attendance (Art. 38) and disciplinary sanctions (Art. 88; RULES §12.4). */
public final class Exclusions {

    private Exclusions() {}

    /** The codes of the matières of {@code semesters} from which the student is excluded. */
    public static Set<String> of(List<Semester> semesters, String level, Map<String, Attendance> attendance,
                                 Collection<Sanction> sanctions, RulesProfile profile) {
        Set<String> excluded = new HashSet<>();
        for (Semester s : semesters) {
            for (Ue u : s.ues()) {
                for (Matiere m : u.matieres()) {
                    Attendance a = attendance.get(m.code());
                    if (a != null && byAttendance(m, a, profile)) {
                        excluded.add(m.code());
                    }
                    for (Sanction sanction : sanctions) {
                        if (excludes(sanction, m, s, level)) {
                            excluded.add(m.code());
                        }
                    }
                }
            }
        }
        return excluded;
    }

    /** Art. 38: too many absences to lectures and tutorials, or too many TP sessions missed. */
    static boolean byAttendance(Matiere m, Attendance a, RulesProfile profile) {
        RulesProfile.Exclusion t = profile.exclusion();
        return a.absUnjustified() >= t.unjustifiedAbsences()
                || a.absJustified() + a.absUnjustified() >= t.totalAbsences()
                || (m.has(Component.TP) && profile.tpAbsencesExclude(a.tpAbsUnjustified(), m.tpSessions()));
    }

    private static boolean excludes(Sanction sanction, Matiere m, Semester s, String level) {
        return switch (sanction.type()) {
            case EXCLUSION_MATIERE -> sanction.element().equals(m.code());
            case NON_VALIDATION_SEMESTRE -> sanction.element().equals(s.code());
            case NON_VALIDATION_ANNEE -> sanction.element().equals(level);
            case ZERO -> false;
        };
    }

    /** The matières whose session-1 mark a {@code ZERO} sanction sets to 0 (Art. 87). */
    public static Set<String> zeroed(Collection<Sanction> sanctions) {
        Set<String> zero = new HashSet<>();
        sanctions.stream().filter(s -> s.type() == Sanction.Type.ZERO).forEach(s -> zero.add(s.element()));
        return zero;
    }
}
