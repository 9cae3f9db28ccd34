package org.delib.console;

import io.micrometer.observation.ObservationRegistry;
import org.delib.deliberation.DeliberationJobConfig;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code serve} adds to the deliberation job for the console and the management port:
 * <ul>
 * <li>each step observed, as Spring Batch observes the job itself, so that {@code spring.batch.step} metrics exist
 * beside {@code spring.batch.job} (the steps are built inside the job, not as beans, so Spring Boot's batch
 * observability does not reach them);</li>
 * <li>why a run failed, in one line, kept in its job execution context: the repository keeps only the first 2,500
 * characters of a stack trace, where the cause (the database that went away) is usually cut off. Runs started by
 * this process only; others show their step's exit message.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class JobInstrumentation {

    /** Job execution context key of the one-line reason. */
    public static final String FAILURE = "delib.console.failure";

    @Bean
    static BeanPostProcessor deliberationJobInstrumentation(ObjectProvider<JobRepository> repository,
                                                            ObjectProvider<ObservationRegistry> observations) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SimpleJob job && DeliberationJobConfig.JOB_NAME.equals(job.getName())) {
                    observations.ifAvailable(registry -> job.getStepNames().forEach(step -> {
                        if (job.getStep(step) instanceof AbstractStep s) {
                            s.setObservationRegistry(registry);
                        }
                    }));
                    job.registerJobExecutionListener(new JobExecutionListener() {
                        @Override
                        public void afterJob(JobExecution execution) {
                            if (execution.getStatus() == BatchStatus.FAILED) {
                                execution.getExecutionContext().putString(FAILURE, reason(execution));
                                repository.getObject().updateExecutionContext(execution);
                            }
                        }
                    });
                }
                return bean;
            }
        };
    }

    /** The innermost message of the first failure, on one line. */
    static String reason(JobExecution execution) {
        Throwable t = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        if (t == null) {
            return execution.getExitStatus().getExitDescription().lines().findFirst().orElse("FAILED");
        }
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
