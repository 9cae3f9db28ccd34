package org.delib.deliberation;

import java.time.Duration;
import java.time.Instant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Logs a long step's progress every few seconds (rows done, rate), and its totals at the end. One instance per
 * step execution: the partitions of a step run at once, each with its own (a step-scoped bean).
 */
public class ProgressLogger implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Log LOG = LogFactory.getLog("org.delib.progress");
    private static final Duration EVERY = Duration.ofSeconds(5);

    private StepExecution step;
    private Instant started;
    private Instant lastLog;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        started = Instant.now();
        lastLog = started;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        Instant now = Instant.now();
        if (Duration.between(lastLog, now).compareTo(EVERY) >= 0) {
            lastLog = now;
            LOG.info(line("…"));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        LOG.info(line(stepExecution.getStatus().toString().toLowerCase()));
        return null;
    }

    private String line(String state) {
        long ms = Math.max(1, Duration.between(started, Instant.now()).toMillis());
        return String.format(java.util.Locale.ROOT, "%s %s: %d rows read, %d written in %.1f s (%.0f rows/s)",
                step.getStepName(), state, step.getReadCount(), step.getWriteCount(), ms / 1000.0,
                step.getReadCount() * 1000.0 / ms);
    }
}
