package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.webhooks.outbox.SqlDialect;

/**
 * MySQL 5.7, MariaDB before 10.6 and H2 before 2.2.220 (1.4.200 is OpenMRS core 2.5 to 2.8's), which have no
 * SKIP LOCKED: read the claimable ids without locking, then lease them with a conditional UPDATE that only takes
 * rows still PENDING and unleased; what carries our owner afterwards is ours. Two nodes may pick the same
 * candidates, but the conditional UPDATE lets only one of them win each row.
 */
final class OptimisticClaimer implements DeliveryClaimer {

	private final String claimable;

	OptimisticClaimer(SqlDialect dialect) {
		this.claimable = ClaimSql.claimable(dialect);
	}

	@Override
	public List<ClaimedDelivery> claim(Connection c, long targetId, String owner, long now, long leaseUntil, int limit)
	        throws SQLException {
		List<Long> ids;
		try (PreparedStatement ps = c.prepareStatement(claimable)) {
			ClaimSql.bindClaimable(ps, targetId, now, limit);
			ids = ClaimSql.ids(ps);
		}
		if (ids.isEmpty() || ClaimSql.lease(c, ids, owner, leaseUntil, now, true) == 0) {
			return Collections.emptyList();
		}
		return ClaimSql.readClaimed(c, ids, owner);
	}
}
