package org.delib.reports.pv;

/** A rachat of the jury (Art. 51) as jury.csv gives it: the element raised to the pass mark, and why. */
public record Rachat(String element, String reason) {}
