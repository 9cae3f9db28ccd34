package org.delib.deliberation;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.delib.importing.InputFile;
import org.delib.importing.ProgrammeFile;
import org.delib.importing.Profiles;
import org.delib.reports.CsvOutput;
import org.delib.reports.ExportProfile;
import org.delib.rules.Programme;
import org.delib.rules.RulesProfile;

/**
 * What every step of one run needs, read once per job execution from the job parameters: the programme, the rules
 * profile, the input files and where the outputs go.
 *
 * @param runId   the job instance: a restart shares it, so staged rows and partial outputs are found again
 * @param staging where outputs are written before they are published whole
 */
public record RunContext(long runId, String jobName, String academicYear, int session, Programme programme,
                         RulesProfile profile, ExportProfile export, Map<InputFile, Path> inputs, Path outputDir,
                         Path staging) {

    /** A programme code that names one folder: no separator, no {@code ..}. */
    public static final java.util.regex.Pattern SAFE_CODE =
            java.util.regex.Pattern.compile("(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Job parameter names; the identifying ones make a run's identity. */
    public static final String JOB = "job";
    public static final String PROGRAMME = "programme";
    public static final String ACADEMIC_YEAR = "academicYear";
    public static final String SESSION = "session";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String FINGERPRINT = "fingerprint";
    public static final String RULES_FILE = "rulesFile";
    public static final String EXPORT = "export";
    public static final String INSTITUTION = "institution";
    public static final String JURY_DATE = "juryDate";
    /** Job execution context key: the run's output folder, chosen at its first start and kept by restarts. */
    public static final String OUTPUT_DIR = "delib.outputDir";

    /**
     * Loads and checks the programme, its rules profile and the input files: an inconsistent programme or a
     * missing required file fails here, before any mark is read.
     */
    public static RunContext load(long runId, String jobName, String programmeCode, String academicYear, int session,
                                  Path input, Path outputDir, Path rulesFile, String export) {
        ProgrammeFile.Loaded loaded = ProgrammeFile.load(input.resolve("programme.yaml"));
        Programme programme = loaded.programme();
        if (!programme.code().equals(programmeCode)) {
            throw new org.delib.importing.InputException(input.resolve("programme.yaml") + ": programme "
                    + programme.code() + ", but the job deliberates " + programmeCode);
        }
        RulesProfile profile = Profiles.load(programme.rules(), rulesFile, loaded.settings());
        Map<InputFile, Path> inputs = new EnumMap<>(InputFile.class);
        for (InputFile f : InputFile.values()) {
            inputs.put(f, f.locate(input));
        }
        return new RunContext(runId, jobName, academicYear, session, programme, profile, ExportProfile.load(export),
                inputs, outputDir,
                stagingDir(outputDir, runId));
    }

    /** The CSV dialect of this run's outputs. */
    public CsvOutput csv() {
        return new CsvOutput(profile, export);
    }

    /** Each input as rejects.csv names it: the file given, or the contract's name of an absent optional one. */
    public Map<InputFile, String> fileNames() {
        Map<InputFile, String> names = new EnumMap<>(InputFile.class);
        for (InputFile f : InputFile.values()) {
            Path p = inputs.get(f);
            names.put(f, p == null ? f.baseName() + ".csv" : p.getFileName().toString());
        }
        return names;
    }

    /**
     * FORMATS: {@code output/<programme>/<academic_year>/session-<n>/}, and {@code session-2-correctif-<k>/} for the
     * k-th final deliberation run again after a recours (RULES §8): earlier outputs are never overwritten.
     */
    public static Path outputDir(Path output, String programme, String academicYear, int session, int correctif) {
        if (!SAFE_CODE.matcher(programme).matches() || !academicYear.matches("\\d{4}-\\d{4}")) {
            // Both name folders under the output folder: neither may lead out of it.
            throw new org.delib.importing.InputException("programme code " + programme + " and academic year "
                    + academicYear + " must be plain names (letters, digits, '-', '_', '.'; no '..')");
        }
        return output.resolve(programme).resolve(academicYear)
                .resolve("session-" + session + (correctif > 0 ? "-correctif-" + correctif : ""));
    }

    /** The output folder of an execution's run, as chosen at its first start. */
    public static Path outputDir(org.springframework.batch.core.job.JobExecution execution) {
        return Path.of(execution.getExecutionContext().getString(OUTPUT_DIR));
    }

    /** 0 for a first deliberation; k for the k-th final deliberation of the same job published before this one. */
    public boolean isCorrectif() {
        return outputDir.getFileName().toString().contains("-correctif-");
    }

    /** Beside the target, so that publishing is a rename; named by run, so that a restart finds it again. */
    public static Path stagingDir(Path outputDir, long runId) {
        return outputDir.resolveSibling("." + outputDir.getFileName() + ".run-" + runId);
    }
}
