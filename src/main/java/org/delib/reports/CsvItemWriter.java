package org.delib.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.support.AbstractFileItemWriter;
import org.springframework.core.io.FileSystemResource;

/**
 * A CSV output written as a chunk step goes, each item giving zero or more records. Spring Batch's file writer
 * underneath is transactional and saves its byte position at each commit; a restart truncates the file to the
 * last committed position and goes on, so the result is byte-identical to a clean run. It writes one part of a
 * file, without its header: {@link StudentReports#merge} puts the parts together.
 */
public class CsvItemWriter<T> extends AbstractFileItemWriter<T> {

    private final CsvOutput out;
    private final Function<T, List<List<String>>> records;

    public CsvItemWriter(String name, Path file, CsvOutput out, Function<T, List<List<String>>> records) {
        this.out = out;
        this.records = records;
        setName(name);
        setResource(new FileSystemResource(file));
        setEncoding(out.charset().name());
        setLineSeparator(out.lineEnd());
    }

    @Override
    protected String doWrite(Chunk<? extends T> items) {
        StringBuilder lines = new StringBuilder();
        for (T item : items) {
            for (List<String> record : records.apply(item)) {
                lines.append(out.line(record)).append(lineSeparator);
            }
        }
        return lines.toString();
    }

    @Override
    public void afterPropertiesSet() {
        // configured in the constructor
    }
}
