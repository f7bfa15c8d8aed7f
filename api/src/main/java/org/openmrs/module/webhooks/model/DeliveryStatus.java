package org.openmrs.module.webhooks.model;

/**
 * Where a delivery (one event to one target) stands.
 *
 * <pre>
 * PENDING ──2xx──────────────▶ DELIVERED
 *    │  ──retryable failure──▶ PENDING (attempts + 1, next attempt later)
 *    │  ──permanent failure──▶ FAILED   (4xx other than 408/429, 3xx, egress refused)
 *    └──retry limit reached──▶ DEAD
 * FAILED / DEAD ──manual retry──▶ PENDING
 * </pre>
 *
 * A delivery being sent is still PENDING, with a lease (owner and expiry) that keeps other workers off it.
 */
public enum DeliveryStatus {
	PENDING, DELIVERED, FAILED, DEAD;

	/** The lower-case name used in REST and the admin page. */
	public String restName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
