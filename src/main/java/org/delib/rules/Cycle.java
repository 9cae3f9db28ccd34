package org.delib.rules;

import java.util.List;

/** The LMD cycles: their year levels and the credits of the diploma (Art. 68). */
public enum Cycle {
    LICENCE(List.of("L1", "L2", "L3"), 180),
    MASTER(List.of("M1", "M2"), 120);

    private final List<String> levels;
    private final int diplomaCredits;

    Cycle(List<String> levels, int diplomaCredits) {
        this.levels = levels;
        this.diplomaCredits = diplomaCredits;
    }

    public List<String> levels() {
        return levels;
    }

    public int diplomaCredits() {
        return diplomaCredits;
    }

    /** The level after {@code level}, or empty for the final year. */
    public String nextLevel(String level) {
        int i = levels.indexOf(level);
        return i >= 0 && i + 1 < levels.size() ? levels.get(i + 1) : "";
    }

    public boolean isFinalYear(String level) {
        return levels.indexOf(level) == levels.size() - 1;
    }
}
