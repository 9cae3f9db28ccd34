package org.delib.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the console, and how it is protected: a login form for the users of {@code delib.console.users}
 * (passwords stored as bcrypt hashes only), a CSRF token on every form, strict security headers. On the
 * management port, health is public (its details need a user) and every other endpoint asks for a user by HTTP
 * Basic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleSecurity {

    /** A bcrypt hash, with or without the {@code {bcrypt}} prefix of Spring Security's delegating encoder. */
    private static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private static final String CSP = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The configured users; a plain-text password, a duplicate or an empty list stops the start with the reason. */
    @Bean
    UserDetailsService consoleUsers(ConsoleProperties properties) {
        List<String> problems = new ArrayList<>();
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConsoleProperties.User u : properties.users()) {
            String hash = u.passwordHash() == null ? "" : u.passwordHash().trim();
            if (u.name() == null || u.name().isBlank()) {
                problems.add("a user has no name");
            } else if (!names.add(u.name())) {
                problems.add("user " + u.name() + " is declared twice");
            } else if (!BCRYPT.matcher(hash).matches()) {
                problems.add("user " + u.name() + ": password-hash must be a bcrypt hash, as printed by "
                        + "`java -jar target/delib.jar hash-password`, never a plain password");
            } else {
                users.add(User.withUsername(u.name())
                        .password(hash.startsWith("{") ? hash : "{bcrypt}" + hash).roles("ADMIN").build());
            }
        }
        if (users.isEmpty() && problems.isEmpty()) {
            problems.add("no user in delib.console.users");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("web console: " + String.join("; ", problems));
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** The management port: health for anyone who can reach 127.0.0.1, metrics and the rest for users. */
    @Bean
    @Order(1)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /** The console: everything but the login page and the style sheet needs a signed-in user. */
    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a.requestMatchers("/login", "/console/**", "/favicon.ico", "/error")
                        .permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/").permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                .build();
    }
}
