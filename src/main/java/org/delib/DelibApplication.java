package org.delib;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/** The Spring context of a run: job repository, job definitions and steps. Started by {@link org.delib.cli.Main}. */
@SpringBootApplication
public class DelibApplication {

    /**
     * The type of codes and ids in Délib's tables: compared byte-wise on PostgreSQL too, whatever the database's
     * locale, so that every database sorts students as Java does and outputs are identical.
     */
    @Bean
    FlywayConfigurationCustomizer codeColumns() {
        return configuration -> {
            try (Connection c = configuration.getDataSource().getConnection()) {
                configuration.placeholders(placeholders(
                        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the database's kind", e);
            }
        };
    }

    /** The migrations' placeholders on PostgreSQL or else H2. */
    public static Map<String, String> placeholders(boolean postgres) {
        return Map.of("code", postgres ? "VARCHAR(64) COLLATE \"C\"" : "VARCHAR(64)");
    }
}
