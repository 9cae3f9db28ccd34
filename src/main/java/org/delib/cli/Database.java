package org.delib.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.delib.DelibApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/** Where the job repository lives: the embedded H2 file under {@code data/}, or a PostgreSQL server. */
public class Database {

    @Option(names = "--db-url", defaultValue = "${env:DELIB_DB_URL}",
            description = "JDBC URL of a PostgreSQL database (default: the embedded database under data/; env DELIB_DB_URL)")
    String url;

    @Option(names = "--db-user", defaultValue = "${env:DELIB_DB_USER}", description = "database user (env DELIB_DB_USER)")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:DELIB_DB_PASSWORD}", arity = "0..1", interactive = true,
            description = "database password (env DELIB_DB_PASSWORD)")
    String password;

    /**
     * H2's page cache, in KB: an eighth of the heap, between H2's default of 16 MB and 256 MB. At the default, the
     * staged marks of a university (a million rows) no longer fit and every insert reads index pages back from the
     * file: importing them took half as long again.
     */
    static long h2CacheKb(long maxHeap) {
        return Math.max(16 * 1024, Math.min(256 * 1024, maxHeap / 8 / 1024));
    }

    /** The folder of the embedded database, the logs and the job locks: {@code data/}, or {@code -Ddelib.data=DIR}. */
    public static Path dataDir() {
        return Path.of(System.getProperty("delib.data", "data")).toAbsolutePath();
    }

    /** Starts the Spring context on this database; the schema is migrated on the way. */
    public ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    /**
     * Starts the Spring context with {@code extra} properties, which win over application.properties and config
     * files: {@code serve} turns the web server on with them; every other command starts without one.
     */
    public ConfigurableApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        if (url == null || url.isBlank()) {
            // AUTO_SERVER lets `status` read the database while a run holds it. WRITE_DELAY=0: a commit is on disk
            // when it returns, so a killed process loses no committed chunk (the default delays writes by 500 ms).
            props.put("spring.datasource.url", "jdbc:h2:file:" + dataDir().resolve("delib")
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;CACHE_SIZE=" + h2CacheKb(Runtime.getRuntime().maxMemory()));
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        } else {
            props.put("spring.datasource.url", url);
            if (url.startsWith("jdbc:postgresql:")) {
                // Batched inserts sent as multi-row INSERTs: several times fewer round trips for the staged rows.
                props.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
            }
            props.put("spring.datasource.username", user == null ? "" : user);
            props.put("spring.datasource.password", password == null ? "" : password);
        }
        props.put("delib.log-dir", dataDir().toString());
        SpringApplication app = new SpringApplication(DelibApplication.class);
        app.setDefaultProperties(props);
        return app.run(extra.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
