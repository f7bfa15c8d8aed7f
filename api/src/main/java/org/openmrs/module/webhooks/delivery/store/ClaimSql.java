package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.outbox.SqlDialect;

/** The SQL all claim strategies share: which rows are claimable, and reading back what was claimed. */
final class ClaimSql {

	/**
	 * The claimable rows; parameters: target id, now (due), now (lease expired), limit. An ordered delivery is
	 * claimable when it is the head of its chain: no PENDING delivery of its (target, ordering key) with a lower
	 * event id, so that a failing event holds back that patient's later ones; and below every event still waiting
	 * for fan-out, so that an earlier event of the patient that another node is still fanning out cannot be
	 * overtaken (fan-out batches of two nodes may commit out of order). The fan-out check is uncorrelated:
	 * evaluated once per statement, one entry of the fan-out index, however long the fan-out backlog (a
	 * per-patient check scanned the backlog for every candidate row).
	 *
	 * <p>On MySQL and MariaDB the indexes are named: with the statistics of a queue that grew or drained since
	 * they were last sampled, MariaDB was seen checking each candidate's chain by reading every PENDING row of the
	 * target (the claim index), seconds per claim instead of a millisecond.
	 */
	static String claimable(SqlDialect dialect) {
		boolean hints = dialect == SqlDialect.MYSQL;
		return "SELECT d.delivery_id FROM webhooks_delivery d"
		        + (hints ? " FORCE INDEX (webhooks_delivery_claim_idx)" : "")
		        + " WHERE d.target_id = ? AND d.status = 'PENDING' AND d.next_attempt_at <= ? AND d.lease_until < ?"
		        + " AND (d.ordering_key IS NULL OR ("
		        + " NOT EXISTS (SELECT 1 FROM webhooks_delivery p"
		        + (hints ? " FORCE INDEX (webhooks_delivery_order_idx)" : "")
		        + " WHERE p.target_id = d.target_id AND p.ordering_key = d.ordering_key AND p.status = 'PENDING'"
		        + " AND p.event_id < d.event_id)"
		        + " AND d.event_id < COALESCE((SELECT MIN(u.event_id) FROM webhooks_event u WHERE u.fanout_state = 0),"
		        + " d.event_id + 1)))"
		        + " ORDER BY d.next_attempt_at, d.delivery_id LIMIT ?";
	}

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

	/**
	 * Sets the lease on {@code ids}; with {@code onlyIfFree} only on rows still PENDING and unleased. A leased row
	 * is also not due before its lease runs out ({@code next_attempt_at = lease_until}): the claim's index range
	 * then ends before the rows in flight, instead of reading them again on every claim.
	 */
	static int lease(Connection c, List<Long> ids, String owner, long leaseUntil, long now, boolean onlyIfFree)
	        throws SQLException {
		String sql = "UPDATE webhooks_delivery SET lease_owner = ?, lease_until = ?, next_attempt_at = ?"
		        + " WHERE delivery_id IN ("
		        + Jdbc.placeholders(ids.size()) + ")"
		        + (onlyIfFree ? " AND status = 'PENDING' AND lease_until < ?" : "");
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, owner);
			ps.setLong(2, leaseUntil);
			ps.setLong(3, leaseUntil);
			int next = Jdbc.bindLongs(ps, 4, ids);
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
