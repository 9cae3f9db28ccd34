package org.delib.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
    private final String insert;
    /** The rows to insert for a chunk's accepted rows. */
    private final Function<List<Staged>, List<Object[]>> rows;

    public StagingWriter(JdbcTemplate jdbc, long runId, InputFile file) {
        this.jdbc = jdbc;
        this.runId = runId;
        if (file == InputFile.MARKS) {
            // Marks are staged packed, a student's consecutive rows in one (StagedMarks).
            this.insert = StagedMarks.INSERT;
            this.rows = staged -> StagedMarks.rows(runId, staged);
        } else {
            List<String> columns = Stream.concat(Stream.of("run_id", "line"), file.columns().stream()).toList();
            this.insert = "INSERT INTO " + file.table() + " (" + String.join(", ", columns) + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            this.rows = staged -> staged.stream().map(this::row).toList();
        }
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
        List<Object[]> accepted = rows.apply(staged);
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
