package org.delib.deliberation;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The JdbcTemplate of the steps, able to fail once in the middle of a step as a lost database would: the n-th
 * batch of a given statement throws, and the chunk's transaction rolls back.
 */
public class FaultyJdbc extends JdbcTemplate {

    private String statement;
    private int remaining;

    public FaultyJdbc(DataSource dataSource) {
        super(dataSource);
    }

    /** Fails the {@code nth} batch whose SQL contains {@code statement}, once. */
    public synchronized void failOnce(String statement, int nth) {
        this.statement = statement;
        this.remaining = nth;
    }

    @Override
    public int[] batchUpdate(String sql, List<? extends Object[]> batchArgs) {
        synchronized (this) {
            if (statement != null && sql.contains(statement) && --remaining == 0) {
                statement = null;
                throw new DataAccessResourceFailureException("injected failure: the database went away during " + sql);
            }
        }
        return super.batchUpdate(sql, batchArgs);
    }
}
