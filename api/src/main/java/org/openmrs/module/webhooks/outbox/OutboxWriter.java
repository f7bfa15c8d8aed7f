package org.openmrs.module.webhooks.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inserts outbox rows with one multi-row INSERT on the caller's connection (the clinical transaction's own), so
 * they commit or roll back with the change they describe. Thread-safe and stateless.
 *
 * <p>Statements per call: one INSERT on MySQL / MariaDB / H2, where a failed statement leaves the transaction
 * usable. On PostgreSQL a failed statement aborts the whole transaction, so the INSERT runs behind a savepoint:
 * {@code SAVEPOINT} and {@code INSERT} are sent together as one statement string (one round trip), and a
 * failure costs one more ({@code ROLLBACK TO SAVEPOINT}) that leaves the clinical work committable. The
 * savepoint is left to be released by the commit. Transactions with more than {@link #MAX_ROWS} events use one
 * INSERT per {@link #MAX_ROWS} (bind parameter limits: 32767 on PostgreSQL, 65535 on MySQL).
 */
public final class OutboxWriter {

	static final int MAX_ROWS = 500;

	private static final String COLUMNS = "INSERT INTO webhooks_event"
	        + " (uuid, event_type, resource, resource_uuid, patient_uuid, occurred_at, attributes) ";

	private static final String SAVEPOINT = "webhooks_outbox";

	private static final Object NULL = new Object();

	/**
	 * Writes {@code rows}, all or none.
	 *
	 * @return the number of JDBC statement executions it took
	 * @throws SQLException when the insert failed; on PostgreSQL the transaction has then been rolled back to
	 *             before the insert and is still usable
	 */
	public int write(Connection connection, SqlDialect dialect, List<OutboxRow> rows) throws SQLException {
		if (rows.isEmpty()) {
			return 0;
		}
		boolean savepoint = dialect == SqlDialect.POSTGRESQL;
		int executions = 0;
		try {
			for (int from = 0; from < rows.size(); from += MAX_ROWS) {
				List<OutboxRow> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
				boolean first = from == 0;
				insert(connection, dialect, chunk, savepoint && first);
				executions++;
			}
			return executions;
		}
		catch (SQLException e) {
			if (savepoint) {
				try (Statement s = connection.createStatement()) {
					s.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
				}
				catch (SQLException rollbackFailure) {
					e.addSuppressed(rollbackFailure);
				}
			}
			throw e;
		}
	}

	private static void insert(Connection connection, SqlDialect dialect, List<OutboxRow> rows, boolean withSavepoint)
	        throws SQLException {
		StringBuilder sql = new StringBuilder(64 + rows.size() * 64);
		if (withSavepoint) {
			sql.append("SAVEPOINT ").append(SAVEPOINT).append("; ");
		}
		sql.append(COLUMNS);
		List<Object> params = new ArrayList<>(rows.size() * 8);
		if (anyGuarded(rows)) {
			// INSERT ... SELECT: a guarded row is a SELECT that yields no row when its person is not a patient;
			// H2 and PostgreSQL need the types of bare parameters in a UNION's select list spelled out
			boolean typed = dialect != SqlDialect.MYSQL;
			for (int i = 0; i < rows.size(); i++) {
				sql.append(i == 0 ? "SELECT " : " UNION ALL SELECT ");
				renderColumns(sql, params, rows.get(i), typed);
				Object guard = rows.get(i).getPatientGuard();
				if (guard != null) {
					sql.append(" FROM patient g WHERE g.patient_id = ?");
					params.add(guard);
				}
			}
		} else {
			sql.append("VALUES ");
			for (int i = 0; i < rows.size(); i++) {
				sql.append(i == 0 ? "(" : ", (");
				renderColumns(sql, params, rows.get(i), false);
				sql.append(')');
			}
		}
		try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
			for (int i = 0; i < params.size(); i++) {
				Object p = params.get(i);
				if (p == NULL) {
					ps.setNull(i + 1, Types.VARCHAR);
				} else {
					ps.setObject(i + 1, p);
				}
			}
			ps.execute();
		}
	}

	private static boolean anyGuarded(List<OutboxRow> rows) {
		for (OutboxRow row : rows) {
			if (row.getPatientGuard() != null) {
				return true;
			}
		}
		return false;
	}

	private static void renderColumns(StringBuilder sql, List<Object> params, OutboxRow row, boolean typed) {
		String text = typed ? "CAST(? AS VARCHAR(4000))" : "?";
		param(sql, params, row.getEventUuid(), text);
		sql.append(", ");
		param(sql, params, row.getType(), text);
		sql.append(", ");
		param(sql, params, row.getResource(), text);
		sql.append(", ");
		value(sql, params, row.getResourceUuid(), text);
		sql.append(", ");
		value(sql, params, row.getPatientUuid(), text);
		sql.append(", ");
		sql.append(typed ? "CAST(? AS BIGINT)" : "?");
		params.add(row.getOccurredAt());
		sql.append(", ");
		attributes(sql, params, row.getAttributes(), text);
	}

	private static void param(StringBuilder sql, List<Object> params, Object value) {
		param(sql, params, value, "?");
	}

	private static void param(StringBuilder sql, List<Object> params, Object value, String placeholder) {
		sql.append(placeholder);
		params.add(value == null ? NULL : value);
	}

	private static void value(StringBuilder sql, List<Object> params, SqlValue value, String placeholder) {
		if (value == null || !value.isLookup()) {
			param(sql, params, value == null ? null : value.value(), placeholder);
		} else {
			sql.append("(SELECT ").append(value.column()).append(' ').append(value.fromWhere()).append(')');
			params.add(value.key());
		}
	}

	/** A JSON object of uuids; built in SQL with CONCAT only when some value is a lookup. */
	private static void attributes(StringBuilder sql, List<Object> params, Map<String, SqlValue> attributes,
	        String placeholder) {
		if (attributes.isEmpty()) {
			param(sql, params, null, placeholder);
			return;
		}
		boolean lookups = false;
		for (SqlValue v : attributes.values()) {
			lookups |= v.isLookup();
		}
		if (!lookups) {
			param(sql, params, AttributesJson.write(attributes), placeholder);
			return;
		}
		sql.append("CONCAT(");
		StringBuilder literal = new StringBuilder("{");
		boolean first = true;
		for (Map.Entry<String, SqlValue> e : attributes.entrySet()) {
			if (!first) {
				literal.append(',');
			}
			first = false;
			AttributesJson.string(literal, e.getKey());
			literal.append(':');
			SqlValue v = e.getValue();
			if (v.isLookup()) {
				param(sql, params, literal.toString());
				literal.setLength(0);
				// CONCAT inside the sub-select: no row gives NULL, which COALESCE turns into JSON null
				sql.append(", COALESCE((SELECT CONCAT('\"', ").append(v.column()).append(", '\"') ")
				        .append(v.fromWhere()).append("), 'null'), ");
				params.add(v.key());
			} else if (v.value() == null) {
				literal.append("null");
			} else {
				AttributesJson.string(literal, v.value());
			}
		}
		literal.append('}');
		param(sql, params, literal.toString());
		sql.append(')');
	}
}
