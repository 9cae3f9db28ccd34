package org.delib.rules;

/** A disciplinary sanction (Art. 87, 88) on a matière, a semester or a year. */
public record Sanction(String element, Type type, int degree) {

    public enum Type { ZERO, EXCLUSION_MATIERE, NON_VALIDATION_SEMESTRE, NON_VALIDATION_ANNEE }
}
