package org.delib.console;

import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.delib.cli.JobDefinition;
import org.delib.importing.Profiles;
import org.delib.importing.ProgrammeFile;
import org.delib.importing.Yaml;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's pages: the jobs and their executions, one execution's steps and outputs, the rules profiles; and
 * its actions (Run now, Restart, Stop), each a POST with the form's CSRF token, answered by a redirect.
 */
@Controller
@ConditionalOnWebApplication
public class ConsoleController {

    private final Runs runs;
    private final ConsoleActions actions;
    private final JobFiles files;

    public ConsoleController(Runs runs, ConsoleActions actions, ConsoleProperties properties) {
        this.runs = runs;
        this.actions = actions;
        this.files = new JobFiles(properties.jobsDir());
    }

    /** Who is signed in, for the page header. */
    @ModelAttribute("user")
    public String user(Principal user) {
        return user == null ? null : user.getName();
    }

    @GetMapping("/login")
    public String login() {
        return "console/login";
    }

    @GetMapping("/")
    public String jobs(Model model) {
        List<Runs.JobRow> jobs = runs.jobRows(files);
        List<Runs.ExecutionRow> executions = runs.rows();
        model.addAttribute("jobsDir", files.dir().toString());
        model.addAttribute("jobs", jobs);
        model.addAttribute("notes", actions.notes());
        model.addAttribute("executions", executions);
        model.addAttribute("refresh", actions.busy() || executions.stream().anyMatch(Runs.ExecutionRow::running));
        return "console/jobs";
    }

    @GetMapping("/executions/{id}")
    public String execution(@PathVariable long id, Model model) {
        Runs.Detail detail = runs.detail(find(id));
        model.addAttribute("d", detail);
        model.addAttribute("e", detail.execution());
        model.addAttribute("refresh", detail.execution().running());
        return "console/execution";
    }

    /** A published output of the execution's run, by name from {@link Runs#PUBLISHED}: never any other file. */
    @GetMapping("/executions/{id}/files/{name}")
    public ResponseEntity<FileSystemResource> download(@PathVariable long id, @PathVariable String name) {
        Path file = Runs.published(find(id), name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no published file " + name));
        MediaType type = name.endsWith(".csv") ? MediaType.parseMediaType("text/csv")
                : name.endsWith(".pdf") ? MediaType.APPLICATION_PDF
                : name.endsWith(".xlsx") ? MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }

    @PostMapping("/jobs/{name}/run")
    public String runNow(@PathVariable String name, Principal user, RedirectAttributes redirect) {
        Path file = files.byName(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + name));
        actions.runNow(file, user.getName());
        redirect.addFlashAttribute("message", "Run of " + name + " requested.");
        return "redirect:/";
    }

    @PostMapping("/executions/{id}/restart")
    public String restart(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        JobExecution e = find(id);
        String name = Runs.jobOf(e);
        Optional<Path> file = files.byName(name);
        boolean newest = runs.executions(name).stream().findFirst().map(x -> x.getId() == id).orElse(false);
        if (file.isEmpty()) {
            redirect.addFlashAttribute("message", "No definition of job " + name + " in " + files.dir() + ": cannot restart.");
        } else if (!newest || !runs.row(e, true).restartable()) {
            redirect.addFlashAttribute("message", "Execution " + id + " is not the last failed or stopped run of "
                    + name + ": nothing to restart.");
        } else {
            actions.restart(file.get(), user.getName());
            redirect.addFlashAttribute("message", "Restart of " + name + " (run #" + e.getJobInstanceId() + ") requested.");
        }
        return "redirect:/";
    }

    @PostMapping("/executions/{id}/stop")
    public String stop(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        JobExecution e = find(id);
        if (!e.isRunning()) {
            redirect.addFlashAttribute("message", "Execution " + id + " is not running.");
        } else if (actions.stop(e, user.getName())) {
            redirect.addFlashAttribute("message", "Stop of execution " + id + " requested: it stops at its next commit.");
        } else {
            redirect.addFlashAttribute("message", "Execution " + id + " could not be stopped.");
        }
        return "redirect:/executions/" + id;
    }

    /** The rules profile each job deliberates with, as the run would load it; read-only. */
    public record ProfileView(String job, String source, String yaml, String problem) {}

    @GetMapping("/profiles")
    public String profiles(Model model) {
        List<ProfileView> views = new ArrayList<>();
        for (Path f : files.all()) {
            String name = JobDefinition.nameOf(f);
            try {
                JobDefinition d = JobDefinition.load(f).with(null, null, null);
                ProgrammeFile.Loaded loaded = ProgrammeFile.load(Path.of(d.input()).resolve("programme.yaml"));
                Path rulesFile = d.rulesFile() == null ? null : Path.of(d.rulesFile());
                var profile = Profiles.load(loaded.programme().rules(), rulesFile, loaded.settings());
                String source = "profile " + loaded.programme().rules()
                        + (rulesFile == null ? "" : ", file " + rulesFile)
                        + (loaded.settings() == null || loaded.settings().isEmpty() ? ""
                        : ", programme settings " + loaded.settings());
                views.add(new ProfileView(name, source, Yaml.MAPPER.writeValueAsString(profile), null));
            } catch (RuntimeException ex) {
                views.add(new ProfileView(name, null, null, ex.getMessage()));
            }
        }
        model.addAttribute("profiles", views);
        return "console/profiles";
    }

    private JobExecution find(long id) {
        return runs.execution(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no execution " + id));
    }
}
