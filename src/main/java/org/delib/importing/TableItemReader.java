package org.delib.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads an input file row by row for a chunk-oriented step. Restartable: the count of rows read is saved at each
 * commit, and a restart skips that many rows.
 */
public class TableItemReader extends AbstractItemCountingItemStreamItemReader<InputRow> {

    private static final Log LOG = LogFactory.getLog(TableItemReader.class);

    private final InputFile file;
    private final Path path;
    private TableReader table;
    private int[] positions;
    /** Data rows handed out; the item count Spring Batch keeps also counts the read that found the end. */
    private long rows;
    /** The line of the last row handed out: a restart removes what was staged beyond it. */
    private long lastLine;

    /** {@code path} is null for an optional file that is absent. */
    public TableItemReader(InputFile file, Path path) {
        this.file = file;
        this.path = path;
        setName("input." + file.baseName()); // the prefix of its keys in the step context
    }

    @Override
    protected void doOpen() throws Exception {
        if (path == null) {
            return; // an optional file that is absent reads as empty
        }
        try {
            table = TableReader.open(path);
        } catch (java.io.IOException e) {
            throw new InputException(path.getFileName() + ": " + e.getMessage());
        }
        // A stray byte-order mark (a file saved twice by an editor) is no part of a column's name.
        List<String> header = table.columns().stream().map(c -> c.replace("\uFEFF", "")).toList();
        for (String column : header) {
            if (!column.isEmpty() && header.indexOf(column) != header.lastIndexOf(column)) {
                table.close();
                throw new InputException(path.getFileName() + ": column " + printable(List.of(column))
                        + " appears twice in the header");
            }
        }
        positions = new int[file.columns().size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            positions[i] = header.indexOf(file.columns().get(i));
            if (positions[i] < 0) {
                missing.add(file.columns().get(i));
            }
        }
        if (!missing.isEmpty()) {
            table.close();
            if (header.stream().anyMatch(c -> c.indexOf('\u0000') >= 0)) {
                throw new InputException(path.getFileName() + ": not UTF-8 (it looks like UTF-16): save it as "
                        + "\"CSV UTF-8\"");
            }
            throw new InputException(path.getFileName() + ": missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (header: " + printable(header) + ")");
        }
        header.stream().filter(c -> !file.columns().contains(c)).forEach(c ->
                LOG.warn(path.getFileName() + ": column '" + c + "' is not in the contract; ignored"));
    }

    /** The step context key under which the count of rows read is saved, for the run's accounting. */
    public static String lastLineKey(InputFile file) {
        return "input." + file.baseName() + ".lastLine";
    }

    public static String rowsKey(InputFile file) {
        return "input." + file.baseName() + ".rows";
    }

    @Override
    public void open(ExecutionContext context) {
        super.open(context); // on a restart this skips the rows already read, counting them again
        rows = context.getLong(rowsKey(file), 0);
        lastLine = context.getLong(lastLineKey(file), 0);
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        context.putLong(rowsKey(file), rows);
        context.putLong(lastLineKey(file), lastLine);
    }

    /**
     * Saves, as {@link #update} would have then, the position of this reader when it had handed out {@code rows}
     * rows, the last on line {@code lastLine}: for a step that takes its rows {@link ReadAhead read ahead}, whose
     * reader is further on than what the step has written.
     */
    public void updateAt(ExecutionContext context, long rows, long lastLine) {
        context.putInt(getExecutionContextKey("read.count"), Math.toIntExact(rows));
        context.putLong(rowsKey(file), rows);
        context.putLong(lastLineKey(file), lastLine);
    }

    /**
     * A header as an administrator can read it in a message: column names keep their letters, digits, '_' and
     * '-' only (a header of random bytes is not echoed back as noise), and the whole stays short.
     */
    static String printable(List<String> header) {
        StringBuilder out = new StringBuilder();
        for (String name : header) {
            String clean = name.codePoints().filter(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            out.append(out.isEmpty() ? "" : ", ").append(clean.length() > 40 ? clean.substring(0, 40) + "…" : clean);
            if (out.length() > 300) {
                return out.substring(0, 300) + "…";
            }
        }
        return out.toString();
    }

    @Override
    protected InputRow doRead() throws Exception {
        TableRow row = table == null ? null : table.next();
        if (row == null) {
            return null;
        }
        rows++;
        lastLine = row.line();
        String[] values = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            values[i] = positions[i] < row.cells().size() ? row.cells().get(positions[i]) : null;
        }
        return new InputRow(row.line(), values, row.problem(), table.decimalComma());
    }

    @Override
    protected void doClose() throws Exception {
        if (table != null) {
            table.close();
            table = null;
        }
    }
}
