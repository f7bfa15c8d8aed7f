package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * Deletes old rows in small chunks (one short transaction each, so the queue never waits long): DELIVERED
 * deliveries completed before the cutoff with their attempts, then fanned-out events older than the cutoff
 * that no delivery refers to any more. PENDING, FAILED and DEAD deliveries, and their events, are kept.
 */
public final class RetentionStore {

	private final ConnectionSource source;

	public RetentionStore(ConnectionSource source) {
		this.source = source;
	}

	/** @return deliveries and events deleted */
	public int purge(long cutoff, int chunk) throws SQLException {
		int deleted = 0;
		int n;
		do {
			n = Jdbc.inTransaction(source, c -> {
				List<Long> ids = ids(c, "SELECT delivery_id FROM webhooks_delivery WHERE status = 'DELIVERED'"
				        + " AND completed_at < ? ORDER BY delivery_id LIMIT ?", cutoff, chunk);
				delete(c, "DELETE FROM webhooks_attempt WHERE delivery_id IN ", ids);
				delete(c, "DELETE FROM webhooks_delivery WHERE delivery_id IN ", ids);
				return ids.size();
			});
			deleted += n;
		} while (n == chunk);
		do {
			n = Jdbc.inTransaction(source, c -> {
				List<Long> ids = ids(c, "SELECT e.event_id FROM webhooks_event e WHERE e.occurred_at < ?"
				        + " AND e.fanout_state = 1 AND NOT EXISTS (SELECT 1 FROM webhooks_delivery d"
				        + " WHERE d.event_id = e.event_id) ORDER BY e.event_id LIMIT ?", cutoff, chunk);
				delete(c, "DELETE FROM webhooks_event WHERE event_id IN ", ids);
				return ids.size();
			});
			deleted += n;
		} while (n == chunk);
		return deleted;
	}

	private static List<Long> ids(Connection c, String sql, long cutoff, int limit) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setLong(1, cutoff);
			ps.setInt(2, limit);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
			}
		}
		return ids;
	}

	private static void delete(Connection c, String sqlPrefix, List<Long> ids) throws SQLException {
		if (ids.isEmpty()) {
			return;
		}
		try (PreparedStatement ps = c.prepareStatement(sqlPrefix + "(" + Jdbc.placeholders(ids.size()) + ")")) {
			Jdbc.bindLongs(ps, 1, ids);
			ps.executeUpdate();
		}
	}
}
