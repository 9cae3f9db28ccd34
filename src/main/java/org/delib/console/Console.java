package org.delib.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How {@code serve} turns the web console on: the properties of its Spring context (a servlet web server on
 * {@code address:port}, the management port on 127.0.0.1, the users file imported), only when that file names at
 * least one user. Every other command keeps a context without a web server.
 */
public final class Console {

    /** The management server (health, metrics) listens on this machine only. */
    public static final String MANAGEMENT_ADDRESS = "127.0.0.1";

    private Console() {}

    /** The number of users {@code file} declares under {@code delib.console.users}; 0 when it is absent. */
    public static int users(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try {
            JsonNode users = YAMLMapper.builder().build().readTree(Files.readString(file))
                    .path("delib").path("console").path("users");
            return users.isArray() ? users.size() : 0;
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The properties that make {@code serve}'s context a web application serving the console. */
    public static Map<String, Object> properties(Path usersFile, Path jobsDir, String address, int port,
                                                 int managementPort) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.main.web-application-type", "servlet");
        p.put("spring.config.import", "optional:file:" + usersFile.toAbsolutePath());
        p.put("server.address", address);
        p.put("server.port", port);
        p.put("management.server.address", MANAGEMENT_ADDRESS);
        p.put("management.server.port", managementPort);
        p.put("delib.console.jobs-dir", jobsDir.toAbsolutePath().normalize().toString());
        return p;
    }
}
