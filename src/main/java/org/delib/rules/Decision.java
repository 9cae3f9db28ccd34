package org.delib.rules;

/** The jury's decision for a student's year. */
public enum Decision { ADM, CMP, ADJ, RAT, ATT, DEF, AJAC, RED, NAR, DIPL }
