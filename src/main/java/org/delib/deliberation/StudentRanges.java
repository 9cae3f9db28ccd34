package org.delib.deliberation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deliberate step's partitions: consecutive ranges of student ids of about the same size, each deliberated by
 * its own worker step into its own part of the CSV outputs. A restart reuses the ranges saved with each partition
 * (Spring Batch does not ask again), and runs only those that failed.
 */
public final class StudentRanges implements Partitioner {

    /** Partition keys: the range is ({@code AFTER}, {@code UP_TO}] of student ids; {@code PART} numbers it. */
    static final String AFTER = "after";
    static final String UP_TO = "upTo";
    static final String PART = "part";
    private static final String PARTS = "parts";
    /** The partitioned step's worker: its step for partition k is named {@code deliberate-part:partition<k>}. */
    static final String WORKER = "deliberate-part";

    private final JdbcTemplate jdbc;
    private final long runId;

    public StudentRanges(JdbcTemplate jdbc, long runId) {
        this.jdbc = jdbc;
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        long students = jdbc.queryForObject("SELECT COUNT(*) FROM delib_student WHERE run_id = ?", Long.class, runId);
        Map<String, ExecutionContext> ranges = new HashMap<>();
        String after = "";
        for (int k = 0; k < gridSize; k++) {
            // The last id of range k, read from the index (run_id, student_id): an empty range when none is left.
            long end = students * (k + 1) / gridSize;
            List<String> last = end == 0 ? List.of() : jdbc.queryForList("SELECT student_id FROM delib_student "
                    + "WHERE run_id = ? ORDER BY run_id, student_id OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY",
                    String.class, runId, end - 1);
            String upTo = last.isEmpty() ? after : last.get(0);
            ExecutionContext range = new ExecutionContext();
            range.putString(AFTER, after);
            range.putString(UP_TO, upTo);
            range.putInt(PART, k);
            ranges.put(partitionName(k), range);
            after = upTo;
        }
        return ranges;
    }

    /**
     * The range of a partition's step: from its context, or computed again when the context came back without it
     * (Spring Batch 6.0.6 can store a restarted step before its context, cf. spring-batch#5184).
     */
    static ExecutionContext rangeOf(StepExecution step, JdbcTemplate jdbc, long runId) {
        ExecutionContext context = step.getExecutionContext();
        if (context.containsKey(UP_TO)) {
            return context;
        }
        String name = step.getStepName().substring(step.getStepName().indexOf(':') + 1);
        return new StudentRanges(jdbc, runId).partition(DeliberationJobConfig.PARTITIONS).get(name);
    }

    private static String partitionName(int k) {
        return "partition" + k;
    }

    /** The name of the step that deliberates partition {@code k}. */
    static String stepName(int k) {
        return WORKER + ":" + partitionName(k);
    }

    /** Where partition {@code part} writes its part of the CSV outputs. */
    static Path partDir(Path staging, int part) {
        return staging.resolve(PARTS).resolve(Integer.toString(part));
    }

    /** Every partition's folder, in order. */
    static List<Path> partDirs(Path staging, int gridSize) {
        return IntStream.range(0, gridSize).mapToObj(k -> partDir(staging, k)).toList();
    }
}
