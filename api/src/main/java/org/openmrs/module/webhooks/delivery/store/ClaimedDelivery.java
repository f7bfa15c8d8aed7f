package org.openmrs.module.webhooks.delivery.store;

import org.openmrs.module.webhooks.model.Event;

/** A PENDING delivery this node holds a lease on, with its event. Immutable. */
public final class ClaimedDelivery {

	private final long deliveryId;

	private final String uuid;

	private final long targetId;

	private final int attempts;

	private final boolean manualRetry;

	private final String leaseOwner;

	private final long leaseUntil;

	private final Event event;

	public ClaimedDelivery(long deliveryId, String uuid, long targetId, int attempts, boolean manualRetry,
	    String leaseOwner, long leaseUntil, Event event) {
		this.deliveryId = deliveryId;
		this.uuid = uuid;
		this.targetId = targetId;
		this.attempts = attempts;
		this.manualRetry = manualRetry;
		this.leaseOwner = leaseOwner;
		this.leaseUntil = leaseUntil;
		this.event = event;
	}

	public long getDeliveryId() {
		return deliveryId;
	}

	public String getUuid() {
		return uuid;
	}

	public long getTargetId() {
		return targetId;
	}

	/** Attempts made before this one. */
	public int getAttempts() {
		return attempts;
	}

	/** Whether this attempt was asked for by a person (a single attempt, no schedule). */
	public boolean isManualRetry() {
		return manualRetry;
	}

	public String getLeaseOwner() {
		return leaseOwner;
	}

	public long getLeaseUntil() {
		return leaseUntil;
	}

	public Event getEvent() {
		return event;
	}

	@Override
	public String toString() {
		return "Delivery[" + deliveryId + " event " + event.getId() + " target " + targetId + "]";
	}
}
