package org.delib.console;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code delib.console.*}: the console's users, each with a hashed password ({@code {bcrypt}...}, made by
 * {@code delib hash-password}), and the folder of job definitions {@code serve} was given.
 */
@ConfigurationProperties("delib.console")
public record ConsoleProperties(List<User> users, Path jobsDir) {

    /** A person allowed in; {@code passwordHash} is never a plain password. */
    public record User(String name, String passwordHash) {}

    public ConsoleProperties {
        users = users == null ? List.of() : List.copyOf(users);
        jobsDir = jobsDir == null ? Path.of("jobs") : jobsDir;
    }
}
