package org.openmrs.module.webhooks.delivery.store;

import org.openmrs.module.webhooks.model.DeliveryStatus;

/**
 * The result of one attempt of one delivery, as it is written: the delivery's new state and the attempt row.
 * Immutable.
 */
public final class DeliveryOutcome {

	private final long deliveryId;

	private final long targetId;

	private final String leaseOwner;

	private final DeliveryStatus status;

	private final long nextAttemptAt;

	private final Integer statusCode;

	private final String error;

	private final long startedAt;

	private final long durationMillis;

	private final String responseExcerpt;

	private final boolean manual;

	/**
	 * @param status the new status; PENDING means "retry at {@code nextAttemptAt}"
	 * @param statusCode {@code null} when no response came
	 * @param error short, no secrets, or {@code null}
	 */
	public DeliveryOutcome(long deliveryId, long targetId, String leaseOwner, DeliveryStatus status, long nextAttemptAt,
	    Integer statusCode, String error, long startedAt, long durationMillis, String responseExcerpt, boolean manual) {
		this.deliveryId = deliveryId;
		this.targetId = targetId;
		this.leaseOwner = leaseOwner;
		this.status = status;
		this.nextAttemptAt = nextAttemptAt;
		this.statusCode = statusCode;
		this.error = error;
		this.startedAt = startedAt;
		this.durationMillis = durationMillis;
		this.responseExcerpt = responseExcerpt;
		this.manual = manual;
	}

	public long getDeliveryId() {
		return deliveryId;
	}

	public long getTargetId() {
		return targetId;
	}

	public String getLeaseOwner() {
		return leaseOwner;
	}

	public DeliveryStatus getStatus() {
		return status;
	}

	public long getNextAttemptAt() {
		return nextAttemptAt;
	}

	public Integer getStatusCode() {
		return statusCode;
	}

	public String getError() {
		return error;
	}

	public long getStartedAt() {
		return startedAt;
	}

	public long getDurationMillis() {
		return durationMillis;
	}

	public String getResponseExcerpt() {
		return responseExcerpt;
	}

	public boolean isManual() {
		return manual;
	}

	public boolean isDelivered() {
		return status == DeliveryStatus.DELIVERED;
	}
}
