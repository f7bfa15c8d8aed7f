package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL all claim strategies share: which rows are claimable, and reading back what was claimed. */
final class ClaimSql {

	/**
	 * Parameters: target id, now (due), now (lease expired), limit. The first NOT EXISTS keeps a patient's later
	 * events behind a failing earlier one; the second keeps them behind an earlier event that another node is
	 * still fanning out (fan-out batches of two nodes may commit out of order).
	 */
	static final String CLAIMABLE = "SELECT d.delivery_id FROM webhooks_delivery d"
	        + " WHERE d.target_id = ? AND d.status = 'PENDING' AND d.next_attempt_at <= ? AND d.lease_until < ?"
	        + " AND (d.ordering_key IS NULL OR ("
	        + " NOT EXISTS (SELECT 1 FROM webhooks_delivery p WHERE p.target_id = d.target_id"
	        + " AND p.ordering_key = d.ordering_key AND p.status = 'PENDING' AND p.event_id < d.event_id)"
	        + " AND NOT EXISTS (SELECT 1 FROM webhooks_event u WHERE u.patient_uuid = d.ordering_key"
	        + " AND u.fanout_state = 0 AND u.event_id < d.event_id)))"
	        + " ORDER BY d.next_attempt_at, d.delivery_id LIMIT ?";

	private ClaimSql() {
	}

	static void bindClaimable(PreparedStatement ps, long targetId, long now, int limit) throws SQLException {
		ps.setLong(1, targetId);
		ps.setLong(2, now);
		ps.setLong(3, now);
		ps.setInt(4, limit);
	}

	static List<Long> ids(PreparedStatement ps) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		return ids;
	}

	/** Sets the lease on {@code ids}; with {@code onlyIfFree} only on rows still PENDING and unleased. */
	static int lease(Connection c, List<Long> ids, String owner, long leaseUntil, long now, boolean onlyIfFree)
	        throws SQLException {
		String sql = "UPDATE webhooks_delivery SET lease_owner = ?, lease_until = ? WHERE delivery_id IN ("
		        + Jdbc.placeholders(ids.size()) + ")"
		        + (onlyIfFree ? " AND status = 'PENDING' AND lease_until < ?" : "");
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, owner);
			ps.setLong(2, leaseUntil);
			int next = Jdbc.bindLongs(ps, 3, ids);
			if (onlyIfFree) {
				ps.setLong(next, now);
			}
			return ps.executeUpdate();
		}
	}

	/** The rows among {@code ids} that carry {@code owner}'s lease, with their events, in event order. */
	static List<ClaimedDelivery> readClaimed(Connection c, List<Long> ids, String owner) throws SQLException {
		List<ClaimedDelivery> claimed = new ArrayList<>(ids.size());
		if (ids.isEmpty()) {
			return claimed;
		}
		String sql = "SELECT d.delivery_id, d.uuid, d.target_id, d.attempts, d.manual_retry, d.lease_until, "
		        + EventRows.COLUMNS + " FROM webhooks_delivery d JOIN webhooks_event e ON e.event_id = d.event_id"
		        + " WHERE d.lease_owner = ? AND d.delivery_id IN (" + Jdbc.placeholders(ids.size()) + ")"
		        + " ORDER BY d.event_id, d.delivery_id";
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, owner);
			Jdbc.bindLongs(ps, 2, ids);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					claimed.add(new ClaimedDelivery(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
					        rs.getBoolean(5), owner, rs.getLong(6), EventRows.read(rs, 7)));
				}
			}
		}
		return claimed;
	}
}
