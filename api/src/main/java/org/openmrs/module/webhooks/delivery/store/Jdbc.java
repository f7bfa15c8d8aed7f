package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.openmrs.module.webhooks.outbox.SqlDialect;

/**
 * Transactions on the module's own tables. READ COMMITTED because the claims lock row by row with SKIP LOCKED
 * and must not take MySQL's gap locks (REPEATABLE READ) that would make two nodes wait on each other.
 */
public final class Jdbc {

	/** Work on one connection inside one transaction. */
	public interface Work<T> {

		T run(Connection c) throws SQLException;
	}

	private Jdbc() {
	}

	/** Runs {@code work} in one transaction: committed on return, rolled back on any exception. */
	public static <T> T inTransaction(ConnectionSource source, Work<T> work) throws SQLException {
		try (Connection c = source.getConnection()) {
			boolean autoCommit = c.getAutoCommit();
			try {
				c.setAutoCommit(false);
				if (source.getDialect() == SqlDialect.MYSQL) {
					// for this transaction only (PostgreSQL and H2 default to it): the pooled connection keeps its level
					try (Statement s = c.createStatement()) {
						s.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
					}
				}
				T result = work.run(c);
				c.commit();
				return result;
			}
			catch (SQLException | RuntimeException e) {
				rollbackQuietly(c, e);
				throw e;
			}
			finally {
				// pooled connections go back as they came
				c.setAutoCommit(autoCommit);
			}
		}
	}

	private static void rollbackQuietly(Connection c, Exception cause) {
		try {
			c.rollback();
		}
		catch (SQLException e) {
			cause.addSuppressed(e);
		}
	}

	/** {@code ?,?,?} for {@code n} values. */
	static String placeholders(int n) {
		StringBuilder s = new StringBuilder(n * 2);
		for (int i = 0; i < n; i++) {
			s.append(i == 0 ? "?" : ",?");
		}
		return s.toString();
	}

	/**
	 * Rows per multi-row INSERT: one statement (one round trip) for a batch, whatever the driver and its URL
	 * settings (batched statements are one round trip each unless the user's JDBC URL says otherwise), well below
	 * every driver's limit of bind parameters.
	 */
	static final int ROWS_PER_INSERT = 500;

	/** {@code (?,?),(?,?)}: {@code rows} times {@code tuple}, comma-separated. */
	static String tuples(int rows, String tuple) {
		String one = tuple;
		StringBuilder s = new StringBuilder(rows * (one.length() + 1));
		for (int i = 0; i < rows; i++) {
			s.append(i == 0 ? "" : ",").append(one);
		}
		return s.toString();
	}

	/** Binds {@code values} from parameter {@code first} on; returns the next free index. */
	static int bindLongs(PreparedStatement ps, int first, Collection<Long> values) throws SQLException {
		int i = first;
		for (Long v : values) {
			ps.setLong(i++, v);
		}
		return i;
	}

	static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
