package org.delib.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One run of a job at a time across machines sharing a PostgreSQL job repository: a session-level advisory lock,
 * held on its own connection for the whole run and released by the server if the process dies. The embedded
 * database belongs to one data folder, where {@link JobLock} suffices.
 */
final class DatabaseLock implements AutoCloseable {

    private final Connection connection;

    private DatabaseLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock of job {@code name}: held, not needed (not PostgreSQL), or null when another process holds it. */
    static DatabaseLock tryAcquire(DataSource dataSource, String name) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                c.close();
                return new DatabaseLock(null);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                s.setString(1, "delib:" + name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return new DatabaseLock(c);
                    }
                }
            }
            c.close();
            return null;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close(); // ends the session, and with it the lock
        }
    }
}
