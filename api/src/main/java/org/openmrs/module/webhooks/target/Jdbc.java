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

	/** The engine's transaction helper, with target storage's exception. */
	<T> T inTransaction(Work<T> work) {
		try {
			return org.openmrs.module.webhooks.delivery.store.Jdbc.inTransaction(connections, work::run);
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
}
