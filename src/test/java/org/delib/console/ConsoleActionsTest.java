package org.delib.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/** Stop on a running execution, then Restart: the run stops at its next commit and resumes to the same bytes. */
class ConsoleActionsTest extends ConsoleTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    Runs runs;

    private final UserRequestPostProcessor signedIn = user(USER).roles("ADMIN");

    @Test
    void stopARunningExecutionThenRestartIt() throws Exception {
        job("stoppable", SMALL);
        jdbc.hold("INSERT INTO delib_mark"); // the run waits in its first chunk of marks

        mvc.perform(post("/jobs/stoppable/run").with(signedIn).with(csrf())).andExpect(redirectedUrl("/"));
        assertThat(jdbc.awaitHeld()).isTrue();
        JobExecution running = runs.executions("stoppable").get(0);
        assertThat(running.isRunning()).isTrue();
        assertThat(page("/executions/" + running.getId())).contains("STARTED").contains("class=\"stop\"");
        assertThat(page("/")).contains("disabled"); // Run now, while the job runs

        mvc.perform(post("/executions/" + running.getId() + "/stop").with(signedIn).with(csrf()))
                .andExpect(redirectedUrl("/executions/" + running.getId()));
        jdbc.release();
        await(() -> status(running.getId()) == BatchStatus.STOPPED);
        assertThat(page("/")).contains("/executions/" + running.getId() + "/restart");
        assertThat(runs.detail(runs.execution(running.getId()).orElseThrow()).execution().restartable()).isTrue();

        mvc.perform(post("/executions/" + running.getId() + "/restart").with(signedIn).with(csrf()))
                .andExpect(redirectedUrl("/"));
        await(() -> runs.executions("stoppable").get(0).getStatus() == BatchStatus.COMPLETED);
        JobExecution resumed = runs.executions("stoppable").get(0);
        assertThat(resumed.getJobInstanceId()).isEqualTo(running.getJobInstanceId()); // the same run, resumed
        assertThat(Runs.publishedNames(resumed)).contains("decisions.csv", "rejects.csv");

        // The stopped execution is no longer the last of its job: nothing to restart there.
        mvc.perform(post("/executions/" + running.getId() + "/restart").with(signedIn).with(csrf()))
                .andExpect(redirectedUrl("/"));
        assertThat(runs.executions("stoppable")).hasSize(2);
    }

    private BatchStatus status(long id) {
        return runs.execution(id).orElseThrow().getStatus();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn)).andReturn().getResponse().getContentAsString();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
