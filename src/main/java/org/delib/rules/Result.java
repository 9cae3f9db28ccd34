package org.delib.rules;

/** The result code of one element (matière, UE, semester or year). */
public enum Result {
    /** Acquired: every element below acquired, by any means (RULES §12.6). */
    ADM,
    /** Acquired by compensation at this level. */
    CMP,
    /** Acquired by the jury's rachat (Art. 51). */
    ADJ,
    /** Not acquired. */
    AJ,
    /** Excluded (Art. 38, 88). */
    EXC,
    /** Pending: a mark is missing. */
    ATT,
    /** Abandonment (Art. 7). */
    DEF;

    public boolean acquired() {
        return this == ADM || this == CMP || this == ADJ;
    }
}
