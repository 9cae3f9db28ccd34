package org.delib.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine;

/** {@code hash-password}: the {bcrypt} hash of the console password read from the standard input. */
class HashPasswordCommandTest {

    private final InputStream stdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private static int run(String input, StringWriter out, StringWriter err) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute("hash-password");
    }

    @Test
    void printsABcryptHashThatTheConsoleChecksThePasswordAgainst() {
        StringWriter out = new StringWriter();
        assertThat(run("correct horse battery staple\n", out, new StringWriter())).isZero();
        String hash = out.toString().trim();
        assertThat(hash).matches("\\{bcrypt}\\$2a\\$10\\$[./A-Za-z0-9]{53}").doesNotContain("correct");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("correct horse battery staple", hash))
                .isTrue();
    }

    @Test
    void anEmptyPasswordIsRefused() {
        StringWriter err = new StringWriter();
        assertThat(run("", new StringWriter(), err)).isEqualTo(1);
        assertThat(err.toString()).contains("error: empty password");
    }
}
