package org.openmrs.module.webhooks.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openmrs.module.webhooks.outbox.ConnectionSource;

/** Writes events into webhooks_event as capture does (fanout_state = 0), and reads queue state back. */
final class Outbox {

	private final ConnectionSource db;

	Outbox(ConnectionSource db) {
		this.db = db;
	}

	/** One event; returns its uuid. */
	String add(String type, String patientUuid, long occurredAt, Map<String, String> attributes) throws Exception {
		String uuid = UUID.randomUUID().toString();
		insert(java.util.Collections.singletonList(new Object[] { uuid, type, patientUuid, occurredAt, attributes }));
		return uuid;
	}

	/** Many events in one transaction: rows of {uuid, type, patientUuid, occurredAt, attributes}. */
	void insert(List<Object[]> rows) throws Exception {
		try (Connection c = db.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks_event (uuid, event_type, resource,"
			        + " resource_uuid, patient_uuid, occurred_at, attributes, fanout_state) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
				for (Object[] r : rows) {
					String type = (String) r[1];
					ps.setString(1, (String) r[0]);
					ps.setString(2, type);
					ps.setString(3, type.substring(0, type.indexOf('.')));
					ps.setString(4, UUID.randomUUID().toString());
					ps.setString(5, (String) r[2]);
					ps.setLong(6, (Long) r[3]);
					ps.setString(7, json((Map<?, ?>) r[4]));
					ps.addBatch();
				}
				ps.executeBatch();
			}
			c.commit();
		}
	}

	private static String json(Map<?, ?> attributes) {
		if (attributes == null || attributes.isEmpty()) {
			return null;
		}
		StringBuilder s = new StringBuilder("{");
		for (Map.Entry<?, ?> e : attributes.entrySet()) {
			s.append(s.length() == 1 ? "" : ",").append('"').append(e.getKey()).append("\":\"").append(e.getValue())
			        .append('"');
		}
		return s.append('}').toString();
	}

	long count(String sql, Object... params) throws Exception {
		try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	List<Object[]> rows(String sql, Object... params) throws Exception {
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

	long deliveries(String status) throws Exception {
		return count("SELECT COUNT(*) FROM webhooks_delivery WHERE status = ?", status);
	}
}
