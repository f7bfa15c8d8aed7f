package org.openmrs.module.webhooks.delivery.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * MySQL 8, MariaDB 10.6+ and H2: lock the claimable rows with {@code FOR UPDATE SKIP LOCKED}, lease them, read
 * them, in one transaction. Two statements because MySQL/MariaDB refuse an UPDATE whose IN-subquery reads the
 * same table with a LIMIT.
 */
final class SkipLockedClaimer implements DeliveryClaimer {

	private final ConnectionSource source;

	SkipLockedClaimer(ConnectionSource source) {
		this.source = source;
	}

	@Override
	public List<ClaimedDelivery> claim(long targetId, String owner, long now, long leaseUntil, int limit)
	        throws SQLException {
		return Jdbc.inTransaction(source, c -> {
			List<Long> ids;
			try (PreparedStatement ps = c.prepareStatement(ClaimSql.CLAIMABLE + " FOR UPDATE SKIP LOCKED")) {
				ClaimSql.bindClaimable(ps, targetId, now, limit);
				ids = ClaimSql.ids(ps);
			}
			if (ids.isEmpty()) {
				return Collections.<ClaimedDelivery> emptyList();
			}
			ClaimSql.lease(c, ids, owner, leaseUntil, now, false);
			return ClaimSql.readClaimed(c, ids, owner);
		});
	}
}
