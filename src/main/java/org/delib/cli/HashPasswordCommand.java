package org.delib.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.delib.importing.InputException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints the hash of a web console password, for {@code password-hash} in data/console.yml: the password is asked
 * twice on a terminal, or read from the first line of the standard input, and never stored in clear.
 */
@Command(name = "hash-password", description = "Prints the {bcrypt} hash of a web console password, for "
        + "data/console.yml (asked on the terminal, or read from the first line of the standard input).")
public class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        char[] password;
        java.io.Console terminal = System.console();
        if (terminal != null) {
            password = terminal.readPassword("Password: ");
            char[] again = terminal.readPassword("Again: ");
            if (password == null || !Arrays.equals(password, again)) {
                throw new InputException("the two passwords differ");
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length == 0) {
            throw new InputException("empty password");
        }
        spec.commandLine().getOut().println(hash(new String(password)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code {bcrypt}$2a$10$...}: what Spring Security's delegating encoder checks a password against. */
    public static String hash(String password) {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
    }
}
