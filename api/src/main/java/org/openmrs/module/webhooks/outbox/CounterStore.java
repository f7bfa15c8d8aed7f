package org.openmrs.module.webhooks.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Adds to the named counters of {@code webhooks_counter}, shared by every node on the database, on its own
 * auto-commit connection (never on a clinical transaction). Thread-safe.
 */
public final class CounterStore {

	private final ConnectionSource connections;

	public CounterStore(ConnectionSource connections) {
		this.connections = connections;
	}

	/** Adds {@code delta} to the counter {@code name}, creating it at 0 first if needed. */
	public void add(String name, long delta) throws SQLException {
		try (Connection c = connections.getConnection()) {
			c.setAutoCommit(true);
			if (update(c, name, delta) == 0) {
				try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks_counter (name, counter_value) VALUES (?, ?)")) {
					ps.setString(1, name);
					ps.setLong(2, delta);
					ps.executeUpdate();
				}
				catch (SQLException raced) {
					// another node created it between our UPDATE and INSERT
					if (update(c, name, delta) == 0) {
						throw raced;
					}
				}
			}
		}
	}

	private static int update(Connection c, String name, long delta) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
		    "UPDATE webhooks_counter SET counter_value = counter_value + ? WHERE name = ?")) {
			ps.setLong(1, delta);
			ps.setString(2, name);
			return ps.executeUpdate();
		}
	}
}
