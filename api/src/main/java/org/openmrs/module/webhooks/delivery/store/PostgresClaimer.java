package org.openmrs.module.webhooks.delivery.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * PostgreSQL: the claim is one statement, {@code UPDATE … WHERE delivery_id IN (SELECT … FOR UPDATE SKIP LOCKED
 * LIMIT n) RETURNING delivery_id}, then the claimed rows are read with their events.
 */
final class PostgresClaimer implements DeliveryClaimer {

	private static final String CLAIM = "UPDATE webhooks_delivery SET lease_owner = ?, lease_until = ?"
	        + " WHERE delivery_id IN (" + ClaimSql.CLAIMABLE + " FOR UPDATE SKIP LOCKED) RETURNING delivery_id";

	private final ConnectionSource source;

	PostgresClaimer(ConnectionSource source) {
		this.source = source;
	}

	@Override
	public List<ClaimedDelivery> claim(long targetId, String owner, long now, long leaseUntil, int limit)
	        throws SQLException {
		return Jdbc.inTransaction(source, c -> {
			List<Long> ids;
			try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
				ps.setString(1, owner);
				ps.setLong(2, leaseUntil);
				ps.setLong(3, targetId);
				ps.setLong(4, now);
				ps.setLong(5, now);
				ps.setInt(6, limit);
				ids = ClaimSql.ids(ps);
			}
			if (ids.isEmpty()) {
				return Collections.<ClaimedDelivery> emptyList();
			}
			return ClaimSql.readClaimed(c, ids, owner);
		});
	}
}
