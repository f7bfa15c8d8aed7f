package org.openmrs.module.webhooks.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * Writes events into {@code webhooks_event} as capture does (committed rows with {@code fanout_state = 0}), in
 * multi-row INSERTs, and reads the queue back with plain SQL.
 */
final class OutboxRows {

	/** One event to insert: its uuid, type and patient (the resource uuid is made up). */
	record NewEvent(String uuid, String type, String patientUuid) {

		static NewEvent of(String type, String patientUuid) {
			return new NewEvent(UUID.randomUUID().toString(), type, patientUuid);
		}
	}

	private final ConnectionSource db;

	OutboxRows(ConnectionSource db) {
		this.db = db;
	}

	/** Inserts {@code events} in one transaction, {@code rowsPerStatement} rows per INSERT statement. */
	void insert(List<NewEvent> events, long occurredAt, int rowsPerStatement) throws SQLException {
		try (Connection c = db.getConnection()) {
			c.setAutoCommit(false);
			for (int from = 0; from < events.size(); from += rowsPerStatement) {
				List<NewEvent> chunk = events.subList(from, Math.min(events.size(), from + rowsPerStatement));
				StringBuilder sql = new StringBuilder("INSERT INTO webhooks_event (uuid, event_type, resource,"
				        + " resource_uuid, patient_uuid, occurred_at, fanout_state) VALUES ");
				for (int i = 0; i < chunk.size(); i++) {
					sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, 0)");
				}
				try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
					int p = 1;
					for (NewEvent e : chunk) {
						ps.setString(p++, e.uuid());
						ps.setString(p++, e.type());
						ps.setString(p++, e.type().substring(0, e.type().indexOf('.')));
						ps.setString(p++, UUID.randomUUID().toString());
						ps.setString(p++, e.patientUuid());
						ps.setLong(p++, occurredAt);
					}
					ps.executeUpdate();
				}
			}
			c.commit();
		}
	}

	long count(String sql, Object... params) throws SQLException {
		List<Object[]> r = rows(sql, params);
		return r.isEmpty() || r.get(0)[0] == null ? 0 : ((Number) r.get(0)[0]).longValue();
	}

	List<Object[]> rows(String sql, Object... params) throws SQLException {
		List<Object[]> out = new ArrayList<>();
		try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				int n = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					Object[] row = new Object[n];
					for (int i = 0; i < n; i++) {
						row[i] = rs.getObject(i + 1);
					}
					out.add(row);
				}
			}
		}
		return out;
	}

	long deliveries(long targetId, String status) throws SQLException {
		return count("SELECT COUNT(*) FROM webhooks_delivery WHERE target_id = ? AND status = ?", targetId, status);
	}

	long unfanned() throws SQLException {
		return count("SELECT COUNT(*) FROM webhooks_event WHERE fanout_state = 0");
	}
}
