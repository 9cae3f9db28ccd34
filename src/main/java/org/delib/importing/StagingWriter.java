package org.delib.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk of checked rows in the chunk's transaction: accepted rows to the file's staging table, rejected
 * ones to delib_reject. One batched statement each, so a restart finds exactly the committed rows.
 */
public class StagingWriter implements ItemWriter<Staged> {

    private final JdbcTemplate jdbc;
    private final long runId;
    private final InputFile file;
    private final String insert;

    public StagingWriter(JdbcTemplate jdbc, long runId, InputFile file) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.file = file;
        List<String> columns = Stream.concat(Stream.of("run_id", "line"), file.columns().stream()).toList();
        // Marks are staged packed, a student's consecutive rows in one (StagedMarks).
        this.insert = file == InputFile.MARKS ? StagedMarks.INSERT : "INSERT INTO " + file.table() + " ("
                + String.join(", ", columns) + ") VALUES (" + columns.stream().map(c -> "?")
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public void write(Chunk<? extends Staged> chunk) {
        List<Staged> staged = new ArrayList<>();
        List<Reject> rejected = new ArrayList<>();
        for (Staged s : chunk) {
            if (s.reject() != null) {
                rejected.add(s.reject());
            } else {
                staged.add(s);
            }
        }
        List<Object[]> accepted = file == InputFile.MARKS ? StagedMarks.rows(runId, staged) : staged.stream()
                .map(this::row).toList();
        if (!accepted.isEmpty()) {
            jdbc.batchUpdate(insert, accepted);
        }
        Rejects.insert(jdbc, runId, rejected);
    }

    private Object[] row(Staged s) {
        Object[] row = new Object[s.values().length + 2];
        row[0] = runId;
        row[1] = s.line();
        System.arraycopy(s.values(), 0, row, 2, s.values().length);
        return row;
    }
}
