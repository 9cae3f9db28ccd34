package org.delib.rules;

/** The nature of a UE in the maquette. */
public enum Nature { FONDAMENTALE, METHODOLOGIE, DECOUVERTE, TRANSVERSALE }
