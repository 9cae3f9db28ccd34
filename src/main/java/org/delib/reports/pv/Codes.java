package org.delib.reports.pv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The result and decision codes printed on the PV and the transcripts, with what they mean, for the legend. */
final class Codes {

    private Codes() {}

    /** Result codes (RULES §1, §3–5) then decision codes (§6, §7), each once: ADM, CMP, ADJ, ATT, DEF are both. */
    static final Map<String, String> LEGEND = legend();

    private static Map<String, String> legend() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ADM", "acquis, admis(e)");
        m.put("CMP", "acquis par compensation");
        m.put("ADJ", "acquis par rachat du jury");
        m.put("AJ", "ajourné(e), non acquis");
        m.put("EXC", "exclu(e) de la matière");
        m.put("ATT", "en attente d'une note");
        m.put("DEF", "défaillant(e), abandon");
        m.put("RAT", "convoqué(e) au rattrapage");
        m.put("AJAC", "admis(e) avec dettes");
        m.put("RED", "redoublement");
        m.put("NAR", "non autorisé(e) à se réinscrire");
        m.put("DIPL", "diplômé(e)");
        return Collections.unmodifiableMap(m);
    }

    static String meaning(Enum<?> code) {
        return LEGEND.getOrDefault(code.name(), code.name());
    }
}
