package org.openmrs.module.webhooks.api.impl;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.openmrs.api.APIException;
import org.openmrs.api.impl.BaseOpenmrsService;
import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.DeliveryStats;
import org.openmrs.module.webhooks.api.EventSearch;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.delivery.TargetMatcher;
import org.openmrs.module.webhooks.delivery.TargetRegistry;
import org.openmrs.module.webhooks.delivery.WakeUp;
import org.openmrs.module.webhooks.delivery.store.DeliveryQueries;
import org.openmrs.module.webhooks.delivery.store.ManualControlStore;
import org.openmrs.module.webhooks.delivery.store.NewDelivery;
import org.openmrs.module.webhooks.delivery.store.StatsQueries;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.openmrs.module.webhooks.outbox.EventReader;

/**
 * The delivery log, manual control and stats, over the module's own tables with plain JDBC (pooled connections
 * of the OpenMRS database, one short transaction per write). Privileges are checked by the service proxy from
 * the interface's {@code @Authorized}. SQL failures surface as {@link APIException}.
 */
public class DeliveryServiceImpl extends BaseOpenmrsService implements DeliveryService {

	private static final int REPLAY_PAGE = 500;

	private final ConnectionSource source;

	private final TargetRegistry registry;

	private final Clock clock;

	private final WakeUp wakeUp;

	public DeliveryServiceImpl(ConnectionSource source, TargetRegistry registry, Clock clock, WakeUp wakeUp) {
		this.source = source;
		this.registry = registry;
		this.clock = clock;
		this.wakeUp = wakeUp;
	}

	@Override
	public Page<Delivery> searchDeliveries(DeliverySearch criteria) {
		try {
			return new DeliveryQueries(source).searchDeliveries(criteria == null ? new DeliverySearch() : criteria);
		}
		catch (SQLException e) {
			throw failed("searching deliveries", e);
		}
	}

	@Override
	public Delivery getDeliveryByUuid(String uuid) {
		try {
			return new DeliveryQueries(source).getDelivery(uuid);
		}
		catch (SQLException e) {
			throw failed("reading a delivery", e);
		}
	}

	@Override
	public Page<Event> searchEvents(EventSearch criteria) {
		try {
			return new EventReader(source).search(criteria == null ? new EventSearch() : criteria);
		}
		catch (SQLException e) {
			throw failed("searching events", e);
		}
	}

	@Override
	public Event getEventByUuid(String uuid) {
		try {
			return new EventReader(source).getByUuid(uuid);
		}
		catch (SQLException e) {
			throw failed("reading an event", e);
		}
	}

	@Override
	public Delivery retryDelivery(String deliveryUuid) {
		try {
			DeliveryQueries queries = new DeliveryQueries(source);
			if (deliveryUuid == null || queries.getDelivery(deliveryUuid) == null) {
				throw TargetValidationException.of("delivery", "There is no delivery with this uuid");
			}
			new ManualControlStore(source).retry(deliveryUuid, clock.millis());
			wakeUp.signal();
			return queries.getDelivery(deliveryUuid);
		}
		catch (SQLException e) {
			throw failed("retrying a delivery", e);
		}
	}

	@Override
	public int retryFailed(String targetUuid, long since) {
		try {
			ManualControlStore store = new ManualControlStore(source);
			int n = store.retryFailed(requireTarget(store, targetUuid), since, clock.millis());
			wakeUp.signal();
			return n;
		}
		catch (SQLException e) {
			throw failed("retrying failed deliveries", e);
		}
	}

	@Override
	public int replay(String targetUuid, long since) {
		try {
			ManualControlStore store = new ManualControlStore(source);
			long targetId = requireTarget(store, targetUuid);
			Target target = registry.getTarget(targetId);
			if (target == null) {
				throw TargetValidationException.of("target", "There is no target with this uuid");
			}
			int created = 0;
			long afterId = 0;
			List<Event> page;
			// page by page, so a replay of months of events never holds them all in memory
			do {
				page = store.eventsSince(since, afterId, REPLAY_PAGE);
				List<NewDelivery> deliveries = new ArrayList<>();
				for (Event e : page) {
					afterId = e.getId();
					if (TargetMatcher.matches(target, e)) {
						deliveries.add(new NewDelivery(e.getId(), targetId, TargetMatcher.orderingKey(target, e)));
					}
				}
				store.insert(deliveries, clock.millis());
				created += deliveries.size();
			} while (page.size() == REPLAY_PAGE);
			wakeUp.signal();
			return created;
		}
		catch (SQLException e) {
			throw failed("replaying events", e);
		}
	}

	@Override
	public DeliveryStats getStats() {
		try {
			StatsQueries stats = new StatsQueries(source);
			return stats.stats(clock.millis(), stats.targetNames());
		}
		catch (SQLException e) {
			throw failed("computing delivery stats", e);
		}
	}

	private static long requireTarget(ManualControlStore store, String targetUuid) throws SQLException {
		Long id = targetUuid == null ? null : store.targetId(targetUuid);
		if (id == null) {
			throw TargetValidationException.of("target", "There is no target with this uuid");
		}
		return id;
	}

	private static APIException failed(String what, SQLException e) {
		return new APIException("Webhooks: " + what + " failed: " + e.getMessage(), e);
	}
}
