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

	/**
	 * The counter column is named {@code value}, a keyword in H2 2.x (the table was created by Liquibase, which
	 * quotes it there); MySQL / MariaDB and PostgreSQL take it bare.
	 */
	static String valueColumn(SqlDialect dialect) {
		return dialect == SqlDialect.H2 ? "\"VALUE\"" : "value";
	}

	public CounterStore(ConnectionSource connections) {
		this.connections = connections;
	}

	/** Adds {@code delta} to the counter {@code name}, creating it at 0 first if needed. */
	public void add(String name, long delta) throws SQLException {
		try (Connection c = connections.getConnection()) {
			c.setAutoCommit(true);
			String value = valueColumn(connections.getDialect());
			if (update(c, value, name, delta) == 0) {
				try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks_counter (name, " + value + ") VALUES (?, ?)")) {
					ps.setString(1, name);
					ps.setLong(2, delta);
					ps.executeUpdate();
				}
				catch (SQLException raced) {
					// another node created it between our UPDATE and INSERT
					if (update(c, value, name, delta) == 0) {
						throw raced;
					}
				}
			}
		}
	}

	private static int update(Connection c, String value, String name, long delta) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
		    "UPDATE webhooks_counter SET " + value + " = " + value + " + ? WHERE name = ?")) {
			ps.setLong(1, delta);
			ps.setString(2, name);
			return ps.executeUpdate();
		}
	}
}
