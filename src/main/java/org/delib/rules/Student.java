package org.delib.rules;

/** A registered student, as students.csv gives them. */
public record Student(String id, String lastName, String firstName, String level, int yearsInCycle,
                      boolean scholarship, String bacSeries, String bacMention) {}
