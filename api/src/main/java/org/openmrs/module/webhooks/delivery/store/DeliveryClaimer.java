package org.openmrs.module.webhooks.delivery.store;

import java.sql.SQLException;
import java.util.List;

import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * Leases due deliveries of one target to one owner. Claimable: PENDING, due ({@code next_attempt_at <= now}),
 * not leased ({@code lease_until < now}: an expired lease is taken over), and, for an ordered delivery, the head
 * of its (target, ordering_key) chain: no PENDING delivery of a lower event id, and no earlier event of that
 * patient still waiting for fan-out. One class per SQL dialect; {@link #forDatabase} picks one.
 */
public interface DeliveryClaimer {

	/**
	 * Leases at most {@code limit} deliveries (own transaction). Two callers never get the same row while its
	 * lease runs.
	 *
	 * @param owner unique per call: the outcome is later recorded only if the row still carries it
	 * @return the claimed deliveries in event order; never {@code null}
	 */
	List<ClaimedDelivery> claim(long targetId, String owner, long now, long leaseUntil, int limit) throws SQLException;

	/** The claim strategy for this database: SKIP LOCKED where the server has it, optimistic leases otherwise. */
	static DeliveryClaimer forDatabase(ConnectionSource source, DatabaseCapabilities caps) {
		if (!caps.skipLocked()) {
			return new OptimisticClaimer(source);
		}
		switch (caps.dialect()) {
			case POSTGRESQL:
				return new PostgresClaimer(source);
			default:
				return new SkipLockedClaimer(source);
		}
	}
}
