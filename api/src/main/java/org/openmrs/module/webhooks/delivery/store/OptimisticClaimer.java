package org.openmrs.module.webhooks.delivery.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * MySQL 5.7 and MariaDB before 10.6 (no SKIP LOCKED): read the claimable ids without locking, then lease them
 * with a conditional UPDATE that only takes rows still PENDING and unleased; what carries our owner afterwards
 * is ours. Two nodes may pick the same candidates, but the conditional UPDATE lets only one of them win each row.
 */
final class OptimisticClaimer implements DeliveryClaimer {

	private final ConnectionSource source;

	OptimisticClaimer(ConnectionSource source) {
		this.source = source;
	}

	@Override
	public List<ClaimedDelivery> claim(long targetId, String owner, long now, long leaseUntil, int limit)
	        throws SQLException {
		return Jdbc.inTransaction(source, c -> {
			List<Long> ids;
			try (PreparedStatement ps = c.prepareStatement(ClaimSql.CLAIMABLE)) {
				ClaimSql.bindClaimable(ps, targetId, now, limit);
				ids = ClaimSql.ids(ps);
			}
			if (ids.isEmpty() || ClaimSql.lease(c, ids, owner, leaseUntil, now, true) == 0) {
				return Collections.<ClaimedDelivery> emptyList();
			}
			return ClaimSql.readClaimed(c, ids, owner);
		});
	}
}
