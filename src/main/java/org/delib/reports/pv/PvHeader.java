package org.delib.reports.pv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What heads every page of the PV and of the transcripts: the institution, the programme, the academic year, the
 * session, the jury's date (from the job definition; null when not set yet) and whether this is the corrective PV
 * of a recours (RULES §8), which carries its own title.
 */
public record PvHeader(String institution, String programmeCode, String programmeTitle, String academicYear,
                       int session, LocalDate juryDate, boolean corrective) {

    public static final String TITLE = "Procès-verbal de délibération";
    public static final String CORRECTIVE_TITLE = "PV correctif additif au PV initial";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public PvHeader {
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(programmeCode, "programmeCode");
        Objects.requireNonNull(programmeTitle, "programmeTitle");
        Objects.requireNonNull(academicYear, "academicYear");
        if (session != 1 && session != 2) {
            throw new IllegalArgumentException("session must be 1 or 2, not " + session);
        }
    }

    public String title() {
        return corrective ? CORRECTIVE_TITLE : TITLE;
    }

    public String sessionLabel() {
        return session == 1 ? "Session 1 (session normale)" : "Session 2 (après rattrapage)";
    }

    /** The jury's date as printed, or a dash when it is not known yet. */
    public String juryDateText() {
        return juryDate == null ? "—" : DATE.format(juryDate);
    }

    /** The programme and level line: "LIC-INFO — Licence Informatique — niveau L1". */
    String programmeLine(String level) {
        return programmeCode + " — " + programmeTitle + " — niveau " + level;
    }

    /** The year, session and jury line. */
    String sessionLine() {
        return "Année universitaire " + academicYear + " — " + sessionLabel() + " — jury du " + juryDateText();
    }
}
