package org.openmrs.module.webhooks.outbox;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openmrs.module.webhooks.api.EventSearch;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.model.Event;

/**
 * Reads committed events and counters for the delivery engine and the REST resources, with plain JDBC on its own
 * pooled connections (auto-commit reads: no transaction is held). The SQL ({@code LIMIT ? OFFSET ?}) is the same
 * on MySQL / MariaDB, PostgreSQL and H2. Thread-safe.
 */
public final class EventReader {

	private static final String COLUMNS = "SELECT event_id, uuid, event_type, resource, resource_uuid, patient_uuid,"
	        + " occurred_at, attributes FROM webhooks_event";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<LinkedHashMap<String, String>>() {};

	private final ConnectionSource connections;

	public EventReader(ConnectionSource connections) {
		this.connections = connections;
	}

	/** Up to {@code limit} events with a sequence number above {@code afterId}, oldest first. Never {@code null}. */
	public List<Event> readAfter(long afterId, int limit) throws SQLException {
		return query(COLUMNS + " WHERE event_id > ? ORDER BY event_id LIMIT ?", afterId, limit);
	}

	/** Up to {@code limit} events not yet fanned out (fanout_state 0), oldest first. */
	public List<Event> readAwaitingFanout(int limit) throws SQLException {
		return query(COLUMNS + " WHERE fanout_state = 0 ORDER BY event_id LIMIT ?", limit);
	}

	/** The event, or {@code null}. */
	public Event getByUuid(String uuid) throws SQLException {
		List<Event> events = query(COLUMNS + " WHERE uuid = ?", uuid);
		return events.isEmpty() ? null : events.get(0);
	}

	/** Events matching {@code criteria}, newest first; {@code hasMore} tells whether another page follows. */
	public Page<Event> search(EventSearch criteria) throws SQLException {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		condition(sql, params, "event_type = ?", criteria.getType());
		condition(sql, params, "resource_uuid = ?", criteria.getResourceUuid());
		condition(sql, params, "patient_uuid = ?", criteria.getPatientUuid());
		condition(sql, params, "occurred_at >= ?", criteria.getFrom());
		condition(sql, params, "occurred_at <= ?", criteria.getTo());
		int limit = Math.max(1, criteria.getLimit());
		sql.append(" ORDER BY event_id DESC LIMIT ? OFFSET ?");
		params.add(limit + 1);
		params.add(Math.max(0, criteria.getStartIndex()));
		List<Event> rows = query(sql.toString(), params.toArray());
		boolean more = rows.size() > limit;
		return new Page<>(more ? rows.subList(0, limit) : rows, more, -1);
	}

	/** Events waiting to be turned into deliveries. */
	public long countAwaitingFanout() throws SQLException {
		try (Connection c = connections.getConnection();
		        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM webhooks_event WHERE fanout_state = 0");
		        ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Every row of {@code webhooks_counter}, by name (e.g. {@code capture.failures}). */
	public Map<String, Long> readCounters() throws SQLException {
		Map<String, Long> counters = new LinkedHashMap<>();
		try (Connection c = connections.getConnection();
		        PreparedStatement ps = c.prepareStatement("SELECT name, counter_value FROM webhooks_counter ORDER BY name");
		        ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				counters.put(rs.getString(1), rs.getLong(2));
			}
		}
		return counters;
	}

	private static void condition(StringBuilder sql, List<Object> params, String condition, Object value) {
		if (value != null) {
			sql.append(" AND ").append(condition);
			params.add(value);
		}
	}

	private List<Event> query(String sql, Object... params) throws SQLException {
		try (Connection c = connections.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			List<Event> events = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					events.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					        rs.getString(5), rs.getString(6), rs.getLong(7), attributes(rs.getString(8))));
				}
			}
			return events;
		}
	}

	static Map<String, String> attributes(String json) throws SQLException {
		if (json == null || json.isEmpty()) {
			return Collections.emptyMap();
		}
		try {
			return JSON.readValue(json, ATTRIBUTES);
		}
		catch (IOException e) {
			throw new SQLException("webhooks_event.attributes is not a JSON object of strings", e);
		}
	}
}
