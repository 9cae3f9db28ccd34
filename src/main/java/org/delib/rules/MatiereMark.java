package org.delib.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The mark of one matière for one session, from its components (Art. 22, 38, 40, 41; RULES §1, §12.2–12.4).
 *
 * @param mark     rounded mark, null when it cannot be computed (pending, or every component dropped)
 * @param pending  a mark the rules need is not entered yet: the matière is {@code ATT}
 * @param hasScore at least one numeric mark was entered (a semester without any is an abandonment, Art. 7)
 * @param missing  components still to be entered, for missing.csv
 */
public record MatiereMark(BigDecimal mark, boolean pending, boolean hasScore, List<Component> missing) {

    public MatiereMark {
        missing = List.copyOf(missing);
    }

    /**
     * Session 1: the session-1 row (null when there is none), the replacement exam (session {@code R}, null when
     * there is none), and whether a {@code ZERO} sanction (Art. 87) sets the mark to 0.
     */
    public static MatiereMark sessionOne(Matiere matiere, MarkRow row, Entry replacement, boolean zeroSanction,
                                         RulesProfile profile) {
        List<Component> missing = new ArrayList<>();
        boolean hasScore = false;
        List<Averages.Weighted> terms = new ArrayList<>();
        for (Component c : Component.values()) {
            if (!matiere.has(c)) {
                continue;
            }
            Entry e = row == null ? Entry.EMPTY : row.get(c);
            if (c == Component.EXAM && e.kind() == Entry.Kind.ABJ) {
                // Art. 41: a justified absence at the exam is made up by the replacement exam.
                e = replacement == null ? Entry.EMPTY : replacement;
                hasScore |= e.isScore();
                if (e.kind() == Entry.Kind.ABJ) {
                    e = Entry.EMPTY;
                }
            } else {
                hasScore |= e.isScore();
            }
            switch (e.kind()) {
                case SCORE -> terms.add(new Averages.Weighted(e.score(), matiere.weights().get(c)));
                case ABI -> terms.add(new Averages.Weighted(BigDecimal.ZERO, matiere.weights().get(c)));
                case ABJ -> { } // Art. 40: CC or TP justified absence leaves the component out of the weighting
                case EMPTY -> missing.add(c);
            }
        }
        boolean pending = !missing.isEmpty();
        if (zeroSanction) {
            return new MatiereMark(profile.round(BigDecimal.ZERO), false, hasScore, missing);
        }
        BigDecimal mark = pending ? null : Averages.of(terms, profile.decimals());
        return new MatiereMark(mark, pending, hasScore, missing);
    }

    /**
     * The rattrapage mark (Art. 26; RULES §6, §12.2): the session-2 exam replaces the exam and CC and TP keep their
     * session-1 values, or it replaces the whole mark (profile setting, or a matière without exam). Null when the
     * student did not sit it: absence keeps the session-1 mark.
     */
    public static BigDecimal rattrapage(Matiere matiere, MarkRow sessionOne, Entry exam, RulesProfile profile) {
        if (exam == null || !exam.isScore()) {
            return null;
        }
        if (profile.rattrapage().replaces() == RulesProfile.Replaces.WHOLE_MARK || !matiere.has(Component.EXAM)) {
            return profile.round(exam.score());
        }
        List<Averages.Weighted> terms = new ArrayList<>();
        terms.add(new Averages.Weighted(exam.score(), matiere.weights().get(Component.EXAM)));
        for (Component c : List.of(Component.CC, Component.TP)) {
            Entry e = !matiere.has(c) || sessionOne == null ? Entry.ABJ : sessionOne.get(c);
            if (e.isScore() || e.kind() == Entry.Kind.ABI) {
                // Art. 38, 40: an unjustified absence still counts 0; a justified one, or none, leaves it out.
                terms.add(new Averages.Weighted(e.isScore() ? e.score() : BigDecimal.ZERO, matiere.weights().get(c)));
            }
        }
        return Averages.of(terms, profile.decimals());
    }
}
