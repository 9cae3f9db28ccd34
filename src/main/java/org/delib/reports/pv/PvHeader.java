package org.delib.reports.pv;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

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

    /**
     * The identifier of the document {@code name} (a PDF's /ID) under this header: the same for the same run's
     * document however often it is written, so that a restarted run's files are byte for byte a clean run's.
     */
    long documentId(String name) {
        String identity = String.join("\n", institution, programmeCode, academicYear, Integer.toString(session),
                String.valueOf(juryDate), Boolean.toString(corrective), name);
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
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
