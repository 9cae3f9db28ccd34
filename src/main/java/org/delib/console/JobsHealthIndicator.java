package org.delib.console;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.delib.cli.JobDefinition;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code jobs}: the last run of each job definition of the served folder (state, run, start,
 * end). DOWN when the last run of any job FAILED — someone must look, then restart it or correct its input; a
 * STOPPED run (SIGTERM, or Stop in the console) and a job never run leave it UP.
 */
@Component
@ConditionalOnWebApplication
public class JobsHealthIndicator extends AbstractHealthIndicator {

    private final Runs runs;
    private final JobFiles files;

    public JobsHealthIndicator(Runs runs, ConsoleProperties properties) {
        super("cannot read the job repository");
        this.runs = runs;
        this.files = new JobFiles(properties.jobsDir());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, JobExecution> last = runs.lastByJob();
        boolean failed = false;
        for (Path f : files.all()) {
            String name = JobDefinition.nameOf(f);
            JobExecution e = last.get(name);
            Map<String, Object> detail = new LinkedHashMap<>();
            if (e == null) {
                detail.put("status", "NEVER_RUN");
            } else {
                detail.put("status", e.getStatus().toString());
                detail.put("run", e.getJobInstanceId());
                detail.put("execution", e.getId());
                detail.put("start", Runs.time(e.getStartTime()));
                detail.put("end", Runs.time(e.getEndTime()));
                failed |= e.getStatus() == BatchStatus.FAILED;
            }
            builder.withDetail(name, detail);
        }
        if (failed) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
