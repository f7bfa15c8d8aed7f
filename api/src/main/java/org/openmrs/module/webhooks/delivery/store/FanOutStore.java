package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openmrs.module.webhooks.model.Event;

/**
 * Turns outbox events into deliveries. All methods run on the caller's connection, inside the caller's
 * transaction: claim, insert and mark belong together so that an event is fanned out exactly once.
 */
public final class FanOutStore {

	private final DatabaseCapabilities caps;

	public FanOutStore(DatabaseCapabilities caps) {
		this.caps = caps;
	}

	/**
	 * Locks up to {@code limit} events awaiting fan-out, oldest first. With SKIP LOCKED two nodes take disjoint
	 * batches; without it (old MySQL and MariaDB, H2 before 2.2.220) the second node waits and then finds the rows
	 * done.
	 */
	public List<Event> lockUnfanned(Connection c, int limit) throws SQLException {
		String sql = "SELECT " + EventRows.COLUMNS + " FROM webhooks_event e WHERE e.fanout_state = 0"
		        + " ORDER BY e.event_id LIMIT ? FOR UPDATE" + (caps.skipLocked() ? " SKIP LOCKED" : "");
		List<Event> events = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setInt(1, limit);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					events.add(EventRows.read(rs, 1));
				}
			}
		}
		return events;
	}

	/** Inserts the deliveries as PENDING, due at {@code now}. */
	public void insert(Connection c, List<NewDelivery> deliveries, long now) throws SQLException {
		insertPending(c, deliveries, now);
	}

	/** One multi-row INSERT per {@link Jdbc#ROWS_PER_INSERT} deliveries. */
	static void insertPending(Connection c, List<NewDelivery> deliveries, long now) throws SQLException {
		for (int from = 0; from < deliveries.size(); from += Jdbc.ROWS_PER_INSERT) {
			List<NewDelivery> chunk = deliveries.subList(from, Math.min(deliveries.size(), from + Jdbc.ROWS_PER_INSERT));
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks_delivery (uuid, event_id, target_id,"
			        + " status, ordering_key, attempts, next_attempt_at, lease_until, created_at, completed_at, manual_retry)"
			        + " VALUES " + Jdbc.tuples(chunk.size(), "(?,?,?,'PENDING',?,0,?,0,?,0,?)"))) {
				int i = 1;
				for (NewDelivery d : chunk) {
					ps.setString(i++, UUID.randomUUID().toString());
					ps.setLong(i++, d.getEventId());
					ps.setLong(i++, d.getTargetId());
					ps.setString(i++, d.getOrderingKey());
					ps.setLong(i++, now);
					ps.setLong(i++, now);
					ps.setBoolean(i++, false);
				}
				ps.executeUpdate();
			}
		}
	}

	/** Marks the events fanned out. */
	public void markFannedOut(Connection c, List<Long> eventIds) throws SQLException {
		if (eventIds.isEmpty()) {
			return;
		}
		try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_event SET fanout_state = 1 WHERE event_id IN ("
		        + Jdbc.placeholders(eventIds.size()) + ") AND fanout_state = 0")) {
			Jdbc.bindLongs(ps, 1, eventIds);
			ps.executeUpdate();
		}
	}
}
