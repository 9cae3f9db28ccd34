package org.delib.deliberation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.delib.importing.InputFile;
import org.delib.importing.InputRow;
import org.delib.importing.Staged;
import org.delib.importing.StagingWriter;
import org.delib.importing.TableItemReader;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reader, processor and writer of one import step: the file's rows, checked against the contract and the
 * programme, staged or rejected. One step per input file, named {@code import-<file>}.
 */
public class ImportItems implements ItemStreamReader<InputRow>, ItemProcessor<InputRow, Staged>, ItemWriter<Staged> {

    private static final String PREFIX = "import-";

    private final TableItemReader reader;
    private final StagingWriter writer;

    private static final Set<InputFile> NAMING_DEBTS = EnumSet.of(InputFile.MARKS, InputFile.ATTENDANCE,
            InputFile.SANCTIONS);

    private final InputFile file;
    private final RunContext run;
    private final JdbcTemplate jdbc;
    private final ImportLookups lookups;
    private final boolean rerun;
    /** The file's checks: made at its first row, so that an empty or absent file reads nothing to check against. */
    private Function<InputRow, Staged> check;

    public ImportItems(InputFile file, RunContext run, JdbcTemplate jdbc, ImportLookups lookups, boolean rerun) {
        this.file = file;
        this.run = run;
        this.jdbc = jdbc;
        this.lookups = lookups;
        this.rerun = rerun;
        this.reader = new TableItemReader(file, run.inputs().get(file));
        this.writer = new StagingWriter(jdbc, run.runId(), file);
    }

    static String stepName(InputFile file) {
        return PREFIX + file.baseName();
    }

    static InputFile fileOf(String stepName) {
        for (InputFile f : InputFile.values()) {
            if (stepName(f).equals(stepName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("not an import step: " + stepName);
    }

    @Override
    public void open(ExecutionContext context) {
        if (rerun) {
            // A restarted step first removes what its earlier attempts staged beyond its saved position: rows of a
            // chunk committed before the position was saved (a stop or a kill in between), or everything when
            // Spring Batch 6.0.6 saved an empty position (a restart killed at its very start).
            long after = context.getLong(TableItemReader.lastLineKey(file), 0);
            jdbc.update("DELETE FROM " + file.table() + " WHERE run_id = ? AND line > ?", run.runId(), after);
            jdbc.update("DELETE FROM delib_reject WHERE run_id = ? AND file_seq = ? AND line > ?", run.runId(),
                    file.ordinal(), after);
        }
        reader.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        reader.update(context);
    }

    @Override
    public void close() {
        reader.close();
    }

    @Override
    public InputRow read() throws Exception {
        return reader.read();
    }

    @Override
    public Staged process(InputRow row) {
        if (check == null) {
            // Marks, attendance and sanctions may name the matières a student owes from an earlier level; the
            // other files' checks never ask.
            check = DeliberationJobConfig.checks(run, file,
                    file == InputFile.STUDENTS ? Map.of() : lookups.levels(),
                    NAMING_DEBTS.contains(file) ? lookups.owed() : Map.of());
        }
        return check.apply(row);
    }

    @Override
    public void write(Chunk<? extends Staged> chunk) {
        writer.write(chunk);
    }
}
