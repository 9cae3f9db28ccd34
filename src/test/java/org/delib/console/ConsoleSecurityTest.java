package org.delib.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Base64;
import org.delib.schedule.JobScheduler;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/** Who gets in, what a forged request gets, and which files can be downloaded. */
class ConsoleSecurityTest extends ConsoleTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    Runs runs;

    @Test
    void unauthenticatedRequestsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/executions/1")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/profiles")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/jobs/any/run").with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
    }

    @Test
    void onlyAConfiguredUserWithTheRightPasswordSignsIn() throws Exception {
        mvc.perform(formLogin("/login").user(USER).password(PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user(USER).password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody").password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        // A login form posted from another site carries no token.
        mvc.perform(post("/login").param("username", USER).param("password", PASSWORD)).andExpect(status().isForbidden());
    }

    @Test
    void actionsWithoutTheFormsCsrfTokenAreRefused() throws Exception {
        var signedIn = user(USER).roles("ADMIN");
        mvc.perform(post("/jobs/any/run").with(signedIn)).andExpect(status().isForbidden());
        mvc.perform(post("/executions/1/restart").with(signedIn)).andExpect(status().isForbidden());
        mvc.perform(post("/executions/1/stop").with(signedIn)).andExpect(status().isForbidden());
        // A cross-site form: the user's session, another site's origin, a token it could only guess.
        mvc.perform(post("/executions/1/restart").with(signedIn).with(csrf().useInvalidToken())
                .header("Origin", "https://attacker.example")).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(signedIn)).andExpect(status().isForbidden());
        // With the token the request reaches the console, which knows no such job or execution.
        mvc.perform(post("/jobs/any/run").with(signedIn).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/executions/999999/stop").with(signedIn).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void onlyThePublishedOutputsOfTheRunCanBeDownloaded() throws Exception {
        job("downloads", SMALL);
        assertThat(scheduler.trigger(JOBS.resolve("downloads.yml"))).isEqualTo(JobScheduler.Outcome.COMPLETED);
        JobExecution e = runs.executions("downloads").get(0);
        var signedIn = user(USER).roles("ADMIN");
        String url = "/executions/" + e.getId() + "/files/";

        byte[] decisions = Files.readAllBytes(Runs.outputDir(e).resolve("decisions.csv"));
        mvc.perform(get(url + "decisions.csv").with(signedIn)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"decisions.csv\""))
                .andExpect(content().bytes(decisions));
        mvc.perform(get(url + "decisions.csv")).andExpect(status().isFound()); // not signed in

        // A path, encoded or not, never leaves the output folder; nor does a name off the list.
        for (String name : new String[] {"..%2F..%2F..%2F..%2Fetc%2Fpasswd", "..%2Fsession-1%2Fdecisions.csv",
                "%2Fetc%2Fpasswd", "..", "passwd", "programme.yaml", ".session-1.run-1"}) {
            int status = mvc.perform(get(URI.create(url + name)).with(signedIn)).andReturn().getResponse().getStatus();
            assertThat(status).as(name).isIn(400, 404);
        }
        mvc.perform(get(url + "{name}", "../../etc/passwd").with(signedIn))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(400, 404));
        assertThat(Runs.published(e, "../../etc/passwd")).isEmpty();
        assertThat(Runs.published(e, "../../../../../../etc/passwd")).isEmpty();
        assertThat(Runs.published(e, "/etc/passwd")).isEmpty();
        assertThat(Runs.published(e, "decisions.csv")).isPresent();
        assertThat(Runs.isPublishedName("pv-L2.pdf")).isTrue();
        assertThat(Runs.isPublishedName("releves-L1.pdf")).isTrue();
        for (String name : new String[] {"pv-../../x.pdf", "pv-L2/../../x.pdf", "../decisions.csv", "decisions.csv/",
                "releves", "pv-L2.exe", "delib.mv.db", ""}) {
            assertThat(Runs.isPublishedName(name)).as(name).isFalse();
        }

        String page = mvc.perform(get("/executions/" + e.getId()).with(signedIn)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(url + "rejects.csv").contains(url + "missing.csv").containsPattern(
                "id=\"rejects\"><span>3</span>"); // the three duplicate marks
    }

    @Test
    void healthIsPublicOnTheManagementPortAndMetricsNeedAUser() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes());

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(management() + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\"").doesNotContain("components");

        HttpResponse<String> details = http.send(HttpRequest.newBuilder(URI.create(management() + "/actuator/health"))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(details.body()).contains("\"db\"").contains("\"jobs\"");

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(management() + "/actuator/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(401);
        HttpResponse<String> withUser = http.send(HttpRequest.newBuilder(URI.create(management() + "/actuator/metrics"))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withUser.statusCode()).isEqualTo(200);
        assertThat(withUser.body()).contains("\"names\"");

        // The console's port serves no actuator endpoint.
        HttpResponse<String> onConsole = http.send(HttpRequest.newBuilder(URI.create(console() + "/actuator/health"))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onConsole.statusCode()).isNotEqualTo(200);
    }
}
