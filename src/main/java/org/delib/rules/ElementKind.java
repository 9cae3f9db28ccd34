package org.delib.rules;

/** The levels of the maquette, named as in results.csv. */
public enum ElementKind { MATIERE, UE, SEMESTRE, ANNEE }
