package org.delib.rules;

import java.math.BigDecimal;

/**
 * The mark and result a matière carries into its UE, after any session and before any rachat.
 *
 * @param session  the session of the mark kept: 1 (a replacement exam counts as session 1) or 2
 * @param hasScore at least one numeric mark was entered for it (Art. 7)
 * @param pending  a mark is still missing, even if the result is settled (an excluded matière): RULES §12.8
 */
public record MatiereOutcome(Matiere matiere, BigDecimal mark, Result result, int session, boolean hasScore,
                             boolean pending) {

    /** RULES §1, §2: the result of a matière from its mark, exclusion and pending state; exclusion is settled first. */
    public static MatiereOutcome of(Matiere matiere, MatiereMark mark, boolean excluded, int session,
                                    RulesProfile profile) {
        Result result = excluded ? Result.EXC
                : mark.pending() ? Result.ATT
                : profile.passes(mark.mark()) ? Result.ADM
                : Result.AJ;
        return new MatiereOutcome(matiere, mark.mark(), result, session, mark.hasScore(), mark.pending());
    }
}
