package org.delib.deliberation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.delib.importing.InputFile;
import org.delib.importing.InputRow;
import org.delib.importing.ReadAhead;
import org.delib.importing.Staged;
import org.delib.importing.StagingWriter;
import org.delib.importing.TableItemReader;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reader and writer of one import step: the file's rows, checked against the contract and the programme (read
 * and checked {@link ReadAhead ahead}, in a thread of their own), staged or rejected. One step per input file, named
 * {@code import-<file>}.
 */
public class ImportItems implements ItemStreamReader<Staged>, ItemWriter<Staged> {

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
    /** The file's checks, made on the step's thread: the lookups they need are job-scoped. */
    private Function<InputRow, Staged> check;
    private ReadAhead<InputRow, Staged> ahead;
    /** The position of the rows the step took (the reader is further on): what a commit saves. */
    private long rows;
    private long lastLine;

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
        rows = context.getLong(TableItemReader.rowsKey(file), 0);
        lastLine = context.getLong(TableItemReader.lastLineKey(file), 0);
        // Marks, attendance and sanctions may name the matières a student owes from an earlier level; the other
        // files' checks never ask.
        check = DeliberationJobConfig.checks(run, file,
                file == InputFile.STUDENTS ? Map.of() : lookups.levels(),
                NAMING_DEBTS.contains(file) ? lookups.owed() : Map.of());
        ahead = new ReadAhead<>(stepName(file), reader, check);
    }

    @Override
    public void update(ExecutionContext context) {
        reader.updateAt(context, rows, lastLine);
    }

    @Override
    public void close() {
        try {
            if (ahead != null) {
                ahead.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ahead = null;
            reader.close();
        }
    }

    @Override
    public Staged read() throws Exception {
        Staged next = ahead.next();
        if (next != null) {
            rows++;
            lastLine = next.line();
        }
        return next;
    }

    @Override
    public void write(Chunk<? extends Staged> chunk) {
        writer.write(chunk);
    }
}
