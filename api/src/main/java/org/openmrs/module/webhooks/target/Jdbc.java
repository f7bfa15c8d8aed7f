package org.openmrs.module.webhooks.target;

import java.sql.Connection;
import java.sql.SQLException;

import org.openmrs.module.webhooks.outbox.ConnectionSource;

/** Runs work in one JDBC transaction on a pooled connection: committed when it returns, rolled back if it throws. */
final class Jdbc {

	interface Work<T> {

		T run(Connection c) throws SQLException;
	}

	private final ConnectionSource connections;

	Jdbc(ConnectionSource connections) {
		this.connections = connections;
	}

	<T> T inTransaction(Work<T> work) {
		try (Connection c = connections.getConnection()) {
			boolean autoCommit = c.getAutoCommit();
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				c.commit();
				return result;
			}
			catch (SQLException | RuntimeException e) {
				rollback(c, e);
				throw e;
			}
			finally {
				// the connection goes back to a pool that others use with their own settings
				c.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException e) {
			throw new TargetStorageException("Target storage failed: " + e.getMessage(), e);
		}
	}

	/** One read, on a connection in its default (auto-commit) mode. */
	<T> T read(Work<T> work) {
		try (Connection c = connections.getConnection()) {
			return work.run(c);
		}
		catch (SQLException e) {
			throw new TargetStorageException("Target storage failed: " + e.getMessage(), e);
		}
	}

	private static void rollback(Connection c, Exception cause) {
		try {
			c.rollback();
		}
		catch (SQLException e) {
			cause.addSuppressed(e);
		}
	}
}
