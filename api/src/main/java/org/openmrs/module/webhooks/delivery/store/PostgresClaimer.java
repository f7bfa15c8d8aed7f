package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.webhooks.outbox.SqlDialect;

/**
 * PostgreSQL: the claim is one statement, {@code UPDATE … WHERE delivery_id IN (SELECT … FOR UPDATE SKIP LOCKED
 * LIMIT n) RETURNING delivery_id}, then the claimed rows are read with their events.
 */
final class PostgresClaimer implements DeliveryClaimer {

	private static final String CLAIM = "UPDATE webhooks_delivery"
	        + " SET lease_owner = ?, lease_until = ?, next_attempt_at = ? WHERE delivery_id IN (" + ClaimSql.claimable(SqlDialect.POSTGRESQL) + " FOR UPDATE SKIP LOCKED) RETURNING delivery_id";

	@Override
	public List<ClaimedDelivery> claim(Connection c, long targetId, String owner, long now, long leaseUntil, int limit)
	        throws SQLException {
		List<Long> ids;
		try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
			ps.setString(1, owner);
			ps.setLong(2, leaseUntil);
			// not due before the lease runs out: see ClaimSql.lease
			ps.setLong(3, leaseUntil);
			ps.setLong(4, targetId);
			ps.setLong(5, now);
			ps.setLong(6, now);
			ps.setInt(7, limit);
			ids = ClaimSql.ids(ps);
		}
		if (ids.isEmpty()) {
			return Collections.emptyList();
		}
		return ClaimSql.readClaimed(c, ids, owner);
	}
}
