package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The debts carried into the next year on a real PostgreSQL server: the same runs, the same outputs. */
class DebtsJobPostgresTest extends DebtsJobTest {

    static final EmbeddedPostgres POSTGRES = PostgresRestartTest.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgres() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getURL()).startsWith("jdbc:postgresql:");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }
}
