package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.webhooks.outbox.SqlDialect;

/**
 * MySQL 8, MariaDB 10.6+ and H2 2.2.220+: lock the claimable rows with {@code FOR UPDATE SKIP LOCKED}, lease them,
 * read them, in one transaction. Two statements because MySQL/MariaDB refuse an UPDATE whose IN-subquery reads the
 * same table with a LIMIT.
 */
final class SkipLockedClaimer implements DeliveryClaimer {

	private final String claimable;

	SkipLockedClaimer(SqlDialect dialect) {
		this.claimable = ClaimSql.claimable(dialect) + " FOR UPDATE SKIP LOCKED";
	}

	@Override
	public List<ClaimedDelivery> claim(Connection c, long targetId, String owner, long now, long leaseUntil, int limit)
	        throws SQLException {
		List<Long> ids;
		try (PreparedStatement ps = c.prepareStatement(claimable)) {
			ClaimSql.bindClaimable(ps, targetId, now, limit);
			ids = ClaimSql.ids(ps);
		}
		if (ids.isEmpty()) {
			return Collections.emptyList();
		}
		ClaimSql.lease(c, ids, owner, leaseUntil, now, false);
		return ClaimSql.readClaimed(c, ids, owner);
	}
}
