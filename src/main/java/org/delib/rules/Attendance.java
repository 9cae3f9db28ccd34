package org.delib.rules;

/** Absences of one student to one matière: lectures and tutorials, and unjustified TP sessions. */
public record Attendance(int absJustified, int absUnjustified, int tpAbsUnjustified) {}
