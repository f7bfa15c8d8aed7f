package org.openmrs.module.webhooks.web.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.DeliveryStats;
import org.openmrs.module.webhooks.api.EventSearch;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.model.Event;

/**
 * A DeliveryService in memory, standing in for the real one until it is merged: it returns what a test put in
 * and records the criteria and calls it received. Swap it in {@link TestServices}.
 */
public class InMemoryDeliveryService implements DeliveryService {

	public final Map<String, Delivery> deliveries = new LinkedHashMap<>();

	public final Map<String, Event> events = new LinkedHashMap<>();

	public final List<String> calls = new ArrayList<>();

	public DeliverySearch lastDeliverySearch;

	public EventSearch lastEventSearch;

	public DeliveryStats stats = new DeliveryStats();

	public int nextCount = 3;

	@Override
	public Page<Delivery> searchDeliveries(DeliverySearch criteria) {
		lastDeliverySearch = criteria;
		List<Delivery> rows = new ArrayList<>(deliveries.values());
		return page(rows, criteria.getStartIndex(), criteria.getLimit());
	}

	@Override
	public Delivery getDeliveryByUuid(String uuid) {
		return deliveries.get(uuid);
	}

	@Override
	public Page<Event> searchEvents(EventSearch criteria) {
		lastEventSearch = criteria;
		return page(new ArrayList<>(events.values()), criteria.getStartIndex(), criteria.getLimit());
	}

	@Override
	public Event getEventByUuid(String uuid) {
		return events.get(uuid);
	}

	@Override
	public Delivery retryDelivery(String deliveryUuid) {
		calls.add("retryDelivery " + deliveryUuid);
		Delivery d = deliveries.get(deliveryUuid);
		d.setStatus(DeliveryStatus.PENDING);
		return d;
	}

	@Override
	public int retryFailed(String targetUuid, long since) {
		calls.add("retryFailed " + targetUuid + " " + since);
		return nextCount;
	}

	@Override
	public int replay(String targetUuid, long since) {
		calls.add("replay " + targetUuid + " " + since);
		return nextCount;
	}

	@Override
	public DeliveryStats getStats() {
		return stats;
	}

	@Override
	public void onStartup() {
	}

	@Override
	public void onShutdown() {
	}

	private static <T> Page<T> page(List<T> rows, int start, int limit) {
		int from = Math.min(start, rows.size());
		int to = Math.min(from + limit, rows.size());
		return new Page<>(rows.subList(from, to), to < rows.size(), rows.size());
	}
}
