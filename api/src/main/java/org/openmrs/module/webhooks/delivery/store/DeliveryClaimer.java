package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Leases due deliveries of one target to one owner. Claimable: PENDING, due ({@code next_attempt_at <= now}),
 * not leased ({@code lease_until < now}: an expired lease is taken over; a lease also pushes
 * {@code next_attempt_at} to its end, so rows in flight are not due either), and, for an ordered delivery, the head
 * of its (target, ordering_key) chain: no PENDING delivery of a lower event id, and no earlier event still
 * waiting for fan-out. One class per SQL dialect; {@link #forDatabase} picks one.
 */
public interface DeliveryClaimer {

	/**
	 * Leases at most {@code limit} deliveries, on the caller's connection and in the caller's transaction (which
	 * should hold nothing else, and commit at once). Two callers never get the same row while its lease runs.
	 *
	 * @param owner unique per call: the outcome is later recorded only if the row still carries it
	 * @return the claimed deliveries in event order; never {@code null}
	 */
	List<ClaimedDelivery> claim(Connection c, long targetId, String owner, long now, long leaseUntil, int limit)
	        throws SQLException;

	/** The claim strategy for this database: SKIP LOCKED where the server has it, optimistic leases otherwise. */
	static DeliveryClaimer forDatabase(DatabaseCapabilities caps) {
		if (!caps.skipLocked()) {
			return new OptimisticClaimer(caps.dialect());
		}
		switch (caps.dialect()) {
			case POSTGRESQL:
				return new PostgresClaimer();
			default:
				return new SkipLockedClaimer(caps.dialect());
		}
	}
}
