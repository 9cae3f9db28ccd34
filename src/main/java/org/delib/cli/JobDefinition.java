package org.delib.cli;

import java.nio.file.Path;
import org.delib.importing.InputException;
import org.delib.importing.Yaml;

/**
 * A job definition under {@code jobs/} (FORMATS: Job definitions): one programme, year and session, its input and
 * output folders, an optional rules profile file, the registrar's export profile, the optional cron of the
 * scheduled mode, and the institution and jury date printed on the PV.
 * Relative paths are taken from the folder Délib runs in.
 */
public record JobDefinition(String programme, String academicYear, Integer session, String input, String output,
                            String schedule, String rulesFile, String export, String institution,
                            String juryDate) {

    public static JobDefinition load(Path file) {
        JobDefinition d = Yaml.read(file, JobDefinition.class);
        String problem = d.programme() == null ? "programme is missing"
                : !org.delib.deliberation.RunContext.SAFE_CODE.matcher(d.programme()).matches()
                ? "programme must be a plain code (letters, digits, '-', '_', '.'; no '..')"
                : d.juryDate() != null && !d.juryDate().matches("\\d{4}-\\d{2}-\\d{2}")
                ? "jury_date must look like 2026-07-10"
                : d.academicYear() == null || !d.academicYear().matches("\\d{4}-\\d{4}")
                ? "academic_year must look like 2025-2026"
                : d.input() == null ? "input is missing"
                : null;
        if (problem != null) {
            throw new InputException(file + ": " + problem);
        }
        return d;
    }

    /** The definition with the command line's overrides applied; the session defaults to 1. */
    public JobDefinition with(Integer session, String input, String output) {
        int s = session != null ? session : this.session != null ? this.session : 1;
        if (s != 1 && s != 2) {
            throw new InputException("session must be 1 or 2, not " + s);
        }
        return new JobDefinition(programme, academicYear, s, input != null ? input : this.input,
                output != null ? output : this.output != null ? this.output : "output", schedule, rulesFile, export,
                institution, juryDate);
    }

    /** The run's name: the definition file's name without extension. */
    public static String nameOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }
}
