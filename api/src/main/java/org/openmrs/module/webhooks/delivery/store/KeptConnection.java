package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.openmrs.module.webhooks.outbox.SqlDialect;

/**
 * One pooled connection that an engine thread keeps across its transactions while it is busy, already in
 * manual-commit mode at READ COMMITTED: a transaction then costs its statements and one commit, instead of also
 * three round trips to switch auto-commit off, set the isolation level and switch auto-commit back on (under CPU
 * contention every round trip can cost a scheduler slice). The owner gives it back with {@link #close()} when it
 * goes idle or stops, so an idle engine holds no connection. A connection that failed is discarded and the next
 * transaction takes a fresh one. Not thread-safe: one per thread.
 */
public final class KeptConnection implements AutoCloseable {

	private final ConnectionSource source;

	private Connection connection;

	private boolean autoCommitBefore;

	private int isolationBefore;

	public KeptConnection(ConnectionSource source) {
		this.source = source;
	}

	/** Runs {@code work} in one transaction: committed on return, rolled back on any exception. */
	public <T> T inTransaction(Jdbc.Work<T> work) throws SQLException {
		Connection c = open();
		try {
			T result = work.run(c);
			c.commit();
			return result;
		}
		catch (SQLException e) {
			// a deadlock or a lost connection alike: start over on a fresh connection
			discard(e);
			throw e;
		}
		catch (RuntimeException e) {
			try {
				c.rollback();
			}
			catch (SQLException r) {
				e.addSuppressed(r);
				discard(r);
			}
			throw e;
		}
	}

	/** Returns the connection to the pool as it came; the next transaction takes one again. */
	@Override
	public void close() {
		Connection c = connection;
		connection = null;
		if (c == null) {
			return;
		}
		try {
			try {
				c.rollback();
				c.setAutoCommit(autoCommitBefore);
				if (c.getTransactionIsolation() != isolationBefore) {
					c.setTransactionIsolation(isolationBefore);
				}
			}
			finally {
				c.close();
			}
		}
		catch (SQLException e) {
			// the pool validates what it gets back; nothing more to do here
		}
	}

	boolean isOpen() {
		return connection != null;
	}

	private Connection open() throws SQLException {
		if (connection == null) {
			Connection c = source.getConnection();
			try {
				autoCommitBefore = c.getAutoCommit();
				isolationBefore = c.getTransactionIsolation();
				c.setAutoCommit(false);
				if (source.getDialect() == SqlDialect.MYSQL) {
					// PostgreSQL and H2 default to it; MySQL's REPEATABLE READ would take gap locks that make two
					// nodes' claims wait on each other
					c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
				}
			}
			catch (SQLException | RuntimeException e) {
				c.close();
				throw e;
			}
			connection = c;
		}
		return connection;
	}

	private void discard(SQLException cause) {
		Connection c = connection;
		connection = null;
		try {
			c.rollback();
			c.setAutoCommit(autoCommitBefore);
			if (c.getTransactionIsolation() != isolationBefore) {
				c.setTransactionIsolation(isolationBefore);
			}
		}
		catch (SQLException e) {
			cause.addSuppressed(e);
		}
		finally {
			try {
				c.close();
			}
			catch (SQLException e) {
				cause.addSuppressed(e);
			}
		}
	}
}
