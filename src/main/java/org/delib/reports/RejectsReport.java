package org.delib.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** rejects.csv: every rejected input row of a run, by file (in import order), line and column. */
public final class RejectsReport {

    public static final String NAME = "rejects.csv";

    private RejectsReport() {}

    /** Writes rejects.csv into {@code staging}, to be published with the other outputs. */
    public static void write(JdbcTemplate jdbc, long runId, CsvOutput out, Path staging) {
        try {
            Files.createDirectories(staging);
            try (Writer w = Files.newBufferedWriter(staging.resolve(NAME), out.charset())) {
                w.write(out.header(List.of("file", "line", "column", "value", "reason")) + out.lineEnd());
                jdbc.query("SELECT file, line, col, val, reason FROM delib_reject WHERE run_id = ? "
                        + "ORDER BY file_seq, line, col, reason", rs -> {
                            try {
                                w.write(out.line(List.of(rs.getString(1), Long.toString(rs.getLong(2)), rs.getString(3),
                                        rs.getString(4), rs.getString(5))) + out.lineEnd());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }, runId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + staging.resolve(NAME), e);
        }
    }
}
