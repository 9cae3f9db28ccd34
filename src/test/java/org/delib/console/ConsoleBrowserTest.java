package org.delib.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.delib.deliberation.JobHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a person uses it, in a real headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs): sign in, run a job whose database goes away in the middle of its marks, see the FAILED
 * execution and its reason, press Restart, see the run complete and publish what a clean run publishes.
 */
class ConsoleBrowserTest extends ConsoleTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (/usr/bin/chromium and /usr/bin/chromedriver, Debian's chromium and "
                        + "chromium-driver: .ci/run installs them): the browser test is skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInSeeAFailedRunRestartItAndSeeItComplete() throws Exception {
        job("nightly");

        // Not signed in: the login page. A wrong password is refused.
        browser.get(console() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn(PASSWORD + "x");
        until(ExpectedConditions.urlContains("/login?error"));
        assertThat(text()).contains("Wrong name or password");
        signIn(PASSWORD);
        until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(browser.getCurrentUrl()).startsWith(console() + "/");
        assertThat(text()).contains("nightly").contains("never run");

        // The database goes away during the third chunk of marks: the run fails.
        jdbc.failOnce("INSERT INTO delib_mark", 3);
        browser.findElement(By.cssSelector("#jobs tr[data-job=nightly] button.run")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Run of nightly requested"));
        WebElement failed = await(() -> newestRow("nightly", "FAILED"));
        assertThat(failed.findElements(By.cssSelector("button.restart"))).hasSize(1);
        assertThat(health()).contains("\"status\":\"DOWN\"");

        // Its page says where and why, with each step's progress.
        failed.findElement(By.cssSelector("td a")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("FAILED");
        assertThat(text()).contains("import-marks: injected failure: the database went away");
        assertThat(stepStatus("import-students")).isEqualTo("COMPLETED");
        assertThat(stepStatus("import-marks")).isEqualTo("FAILED");
        assertThat(stepStatus("publish")).isEqualTo("PENDING");
        assertThat(cell("import-marks", 4)).isEqualTo("2000"); // two chunks of 1000 written before the failure
        screenshot("failed");

        // Restart, from the execution's page: the run resumes and completes.
        browser.findElement(By.cssSelector("button.restart")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Restart of nightly"));
        WebElement completed = await(() -> newestRow("nightly", "COMPLETED"));
        screenshot("jobs");
        completed.findElement(By.cssSelector("td a")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("COMPLETED");
        assertThat(browser.findElements(By.cssSelector("#steps tr[data-step] .bar.done")))
                .hasSize(browser.findElements(By.cssSelector("#steps tr[data-step]")).size());
        long marks = lines(JobHarness.DEMO.resolve("marks.csv")) - 1;
        assertThat(text()).contains("marks.csv: " + marks + " rows read = ");
        long rejects = lines(JobHarness.EXPECTED_DEMO_SESSION_1.resolve("rejects.csv")) - 1;
        assertThat(browser.findElement(By.id("rejects")).getText()).startsWith(rejects + " ").contains("rejects.csv")
                .contains("missing.csv");
        List<String> files = browser.findElements(By.cssSelector("#files a")).stream().map(WebElement::getText).toList();
        assertThat(files).contains("decisions.csv", "results.csv", "rattrapage.csv", "rejects.csv", "missing.csv");
        screenshot("completed");
        for (String name : List.of("decisions.csv", "results.csv")) { // what a clean run publishes
            assertThat(Files.mismatch(JobHarness.EXPECTED_DEMO_SESSION_1.resolve(name),
                    JobHarness.sessionDir(OUT.resolve("nightly"), 1).resolve(name))).as(name).isEqualTo(-1L);
        }
        assertThat(health()).contains("\"status\":\"UP\"");
        assertThat(management("/actuator/metrics")).contains("spring.batch.job").contains("spring.batch.step");
        assertThat(management("/actuator/metrics/spring.batch.step?tag=spring.batch.step.name:import-marks"))
                .contains("\"FAILED\"").contains("\"COMPLETED\"");

        // The rules profile the job deliberates with, read-only.
        browser.findElement(By.linkText("Rules profiles")).click();
        until(ExpectedConditions.titleContains("Rules profiles"));
        assertThat(text()).contains("nightly").contains("pass_mark: 10").contains("reject_limit: 1000");
    }

    private static long lines(Path file) throws java.io.IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private void until(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, WAIT).until(condition);
    }

    private void signIn(String password) {
        browser.findElement(By.id("username")).sendKeys(USER);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The newest execution of {@code job} on the jobs page, once it shows {@code status}; else null. */
    private WebElement newestRow(String job, String status) {
        browser.get(console() + "/");
        List<WebElement> rows = browser.findElements(By.cssSelector("#executions tr[data-job=" + job + "]"));
        return !rows.isEmpty() && rows.get(0).findElement(By.cssSelector(".status")).getText().equals(status)
                ? rows.get(0) : null;
    }

    private String stepStatus(String step) {
        return browser.findElement(By.cssSelector("#steps tr[data-step=" + step + "] .status")).getText();
    }

    private String cell(String step, int column) {
        return browser.findElements(By.cssSelector("#steps tr[data-step=" + step + "] td")).get(column).getText();
    }

    private static <T> T await(Supplier<T> found) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        for (T t = found.get(); ; t = found.get()) {
            if (t != null) {
                return t;
            }
            assertThat(Instant.now()).as("waited %s", WAIT).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** What a monitoring probe on this machine reads from the management port. */
    private String health() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(management() + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** An endpoint of the management port, as a console user. */
    private String management(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(management() + path))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private void screenshot(String name) throws Exception {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, DIR.resolve("console-" + name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
