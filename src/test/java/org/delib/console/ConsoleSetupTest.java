package org.delib.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.delib.DelibApplication;
import org.delib.cli.HashPasswordCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.TestPropertySource;

/**
 * The commands other than serve keep a context without web server, console, security or actuator; the users file
 * and the password hashes are checked before anyone can sign in.
 */
@SpringBootTest(classes = DelibApplication.class)
// The configuration of FinalDeliberationTest: one cached context for both.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:final;DB_CLOSE_DELAY=-1")
class ConsoleSetupTest {

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void theCommandLinesContextHasNoWebServerNorConsole() {
        assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
        for (Class<?> type : List.of(ConsoleController.class, Runs.class, SecurityFilterChain.class,
                JobsHealthIndicator.class)) {
            assertThat(context.getBeanNamesForType(type)).as(type.getSimpleName()).isEmpty();
        }
        assertThat(context.getBeanDefinitionNames()).noneMatch(n -> n.toLowerCase().contains("actuate")
                || n.toLowerCase().contains("thymeleaf") || n.toLowerCase().contains("meterregistry"));
    }

    @Test
    void serveTurnsTheConsoleOnOnlyWhenTheUsersFileNamesAUser() throws Exception {
        Path file = dir.resolve("console.yml");
        assertThat(Console.users(file)).isZero();
        Files.writeString(file, "delib:\n  console:\n    users: []\n");
        assertThat(Console.users(file)).isZero();
        Files.writeString(file, "delib:\n  console:\n    users:\n      - name: a\n        password-hash: \"{bcrypt}x\"\n"
                + "      - name: b\n        password-hash: \"{bcrypt}y\"\n");
        assertThat(Console.users(file)).isEqualTo(2);
        assertThat(Console.properties(file, Path.of("jobs"), "127.0.0.1", 8080, 8081))
                .containsEntry("spring.main.web-application-type", "servlet")
                .containsEntry("server.address", "127.0.0.1").containsEntry("server.port", 8080)
                .containsEntry("management.server.address", "127.0.0.1").containsEntry("management.server.port", 8081)
                .containsEntry("spring.config.import", "optional:file:" + file.toAbsolutePath())
                .containsEntry("delib.console.jobs-dir", Path.of("jobs").toAbsolutePath().toString());
    }

    @Test
    void onlyBcryptHashesAreAccepted() {
        ConsoleSecurity security = new ConsoleSecurity();
        String hash = HashPasswordCommand.hash("secret");
        assertThat(security.consoleUsers(props(new ConsoleProperties.User("a", hash))).loadUserByUsername("a")
                .getPassword()).isEqualTo(hash);
        // The hash without its {bcrypt} prefix is understood too.
        assertThat(security.consoleUsers(props(new ConsoleProperties.User("a", hash.substring("{bcrypt}".length()))))
                .loadUserByUsername("a").getPassword()).isEqualTo(hash);
        assertThatThrownBy(() -> security.consoleUsers(props(new ConsoleProperties.User("a", "secret"))))
                .hasMessageContaining("user a: password-hash must be a bcrypt hash");
        assertThatThrownBy(() -> security.consoleUsers(props(new ConsoleProperties.User("a", "{noop}secret"))))
                .hasMessageContaining("must be a bcrypt hash");
        assertThatThrownBy(() -> security.consoleUsers(props(new ConsoleProperties.User("a", hash),
                new ConsoleProperties.User("a", hash)))).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> security.consoleUsers(props())).hasMessageContaining("no user");
    }

    private static ConsoleProperties props(ConsoleProperties.User... users) {
        return new ConsoleProperties(List.of(users), null);
    }
}
