package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * Manual retries and replays. A manual retry puts a delivery back as PENDING, due now, flagged as a single
 * attempt; a replay inserts new deliveries. Each call is its own transaction.
 */
public final class ManualControlStore {

	private final ConnectionSource source;

	public ManualControlStore(ConnectionSource source) {
		this.source = source;
	}

	/** The target's id, or {@code null} when there is no target with that uuid. */
	public Long targetId(String targetUuid) throws SQLException {
		try (Connection c = source.getConnection(); PreparedStatement ps = c.prepareStatement(
		    "SELECT target_id FROM webhooks_target WHERE uuid = ?")) {
			ps.setString(1, targetUuid);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? rs.getLong(1) : null;
			}
		}
	}

	/**
	 * Requeues one delivery, unless it is being sent right now (PENDING under a live lease).
	 *
	 * @return whether it was requeued
	 */
	public boolean retry(String deliveryUuid, long now) throws SQLException {
		return Jdbc.inTransaction(source, c -> {
			try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_delivery SET status = 'PENDING',"
			        + " next_attempt_at = ?, completed_at = 0, manual_retry = ? WHERE uuid = ?"
			        + " AND (status <> 'PENDING' OR lease_until < ?)")) {
				ps.setLong(1, now);
				ps.setBoolean(2, true);
				ps.setString(3, deliveryUuid);
				ps.setLong(4, now);
				return ps.executeUpdate() == 1;
			}
		});
	}

	/** Requeues the target's FAILED and DEAD deliveries created at or after {@code since}. */
	public int retryFailed(long targetId, long since, long now) throws SQLException {
		return Jdbc.inTransaction(source, c -> {
			try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_delivery SET status = 'PENDING',"
			        + " next_attempt_at = ?, completed_at = 0, manual_retry = ? WHERE target_id = ?"
			        + " AND status IN ('FAILED', 'DEAD') AND created_at >= ?")) {
				ps.setLong(1, now);
				ps.setBoolean(2, true);
				ps.setLong(3, targetId);
				ps.setLong(4, since);
				return ps.executeUpdate();
			}
		});
	}

	/** Fanned-out events that occurred at or after {@code since} with an id above {@code afterId}, oldest first. */
	public List<Event> eventsSince(long since, long afterId, int limit) throws SQLException {
		List<Event> events = new ArrayList<>();
		try (Connection c = source.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT "
		        + EventRows.COLUMNS + " FROM webhooks_event e WHERE e.event_id > ? AND e.occurred_at >= ?"
		        + " AND e.fanout_state = 1 ORDER BY e.event_id LIMIT ?")) {
			ps.setLong(1, afterId);
			ps.setLong(2, since);
			ps.setInt(3, limit);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					events.add(EventRows.read(rs, 1));
				}
			}
		}
		return events;
	}

	/** Inserts new PENDING deliveries due now (a replay). */
	public void insert(List<NewDelivery> deliveries, long now) throws SQLException {
		Jdbc.inTransaction(source, c -> {
			FanOutStore.insertPending(c, deliveries, now);
			return null;
		});
	}
}
