package org.openmrs.module.webhooks.delivery.store;

/** A delivery to insert as PENDING: an event for a target, with its ordering key. Immutable. */
public final class NewDelivery {

	private final long eventId;

	private final long targetId;

	private final String orderingKey;

	/** @param orderingKey the patient uuid for a per-patient target, {@code null} for no ordering */
	public NewDelivery(long eventId, long targetId, String orderingKey) {
		this.eventId = eventId;
		this.targetId = targetId;
		this.orderingKey = orderingKey;
	}

	public long getEventId() {
		return eventId;
	}

	public long getTargetId() {
		return targetId;
	}

	public String getOrderingKey() {
		return orderingKey;
	}
}
