package org.delib.console;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps the commands that are not {@code serve} as they were before the console: when the context is not a web
 * application, Spring Boot's actuator, health, metrics, observation, security and template auto-configurations are
 * left out, so that {@code run}, {@code restart} and {@code status} start as fast as before and open no port.
 * Registered in META-INF/spring.factories.
 */
public class WebOnlyAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> WEB_ONLY = List.of("org.springframework.boot.actuate.",
            "org.springframework.boot.health.", "org.springframework.boot.micrometer.",
            "org.springframework.boot.security.", "org.springframework.boot.thymeleaf.");
    private static final List<String> WEB_ONLY_PARTS = List.of(".health.", ".metrics.", ".observation.");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean web = environment == null
                || !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", "servlet").trim());
        boolean[] keep = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < keep.length; i++) {
            String c = autoConfigurationClasses[i];
            keep[i] = web || c == null || !(WEB_ONLY.stream().anyMatch(c::startsWith)
                    || c.startsWith("org.springframework.boot.") && WEB_ONLY_PARTS.stream().anyMatch(c::contains));
        }
        return keep;
    }
}
