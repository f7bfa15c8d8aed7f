package org.openmrs.module.webhooks.delivery;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.delivery.store.FanOutStore;
import org.openmrs.module.webhooks.delivery.store.KeptConnection;
import org.openmrs.module.webhooks.delivery.store.NewDelivery;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * Turns committed outbox events into one PENDING delivery per matching target, a batch at a time, in one
 * transaction: lock the events (SKIP LOCKED), insert the deliveries, mark the events done. Runs even while
 * delivery is paused, so that matching stays "as of commit". Used by the fan-out thread only.
 */
final class FanOut {

	/** The fan-out thread's connection. */
	private final KeptConnection db;

	private final FanOutStore store;

	private final TargetRegistry registry;

	private final Clock clock;

	private final int batchSize;

	FanOut(ConnectionSource source, FanOutStore store, TargetRegistry registry, Clock clock, int batchSize) {
		this.db = new KeptConnection(source);
		this.store = store;
		this.registry = registry;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	/** Fans out one batch; returns how many events it took (a full batch means more may wait). */
	int runOnce() throws SQLException {
		// read before the transaction: the registry may query the database itself
		List<Target> targets = registry.deliverableTargets();
		return db.inTransaction(c -> {
			List<Event> events = store.lockUnfanned(c, batchSize);
			if (events.isEmpty()) {
				return 0;
			}
			List<NewDelivery> deliveries = new ArrayList<>();
			List<Long> ids = new ArrayList<>(events.size());
			for (Event e : events) {
				ids.add(e.getId());
				for (Target t : targets) {
					if (t.getId() != null && TargetMatcher.matches(t, e)) {
						deliveries.add(new NewDelivery(e.getId(), t.getId(), TargetMatcher.orderingKey(t, e)));
					}
				}
			}
			store.insert(c, deliveries, clock.millis());
			store.markFannedOut(c, ids);
			return events.size();
		});
	}

	/** Gives the connection back to the pool (idle or stopping); the fan-out thread's own call. */
	void release() {
		db.close();
	}
}
