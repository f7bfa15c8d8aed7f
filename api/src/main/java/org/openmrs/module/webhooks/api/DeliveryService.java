package org.openmrs.module.webhooks.api;

import org.openmrs.annotation.Authorized;
import org.openmrs.api.OpenmrsService;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.Event;

/**
 * The delivery log, events, stats, and the manual controls (retry, replay). Obtained with
 * {@code Context.getService(DeliveryService.class)}; every method checks the module's privileges. Times are
 * epoch milliseconds.
 */
public interface DeliveryService extends OpenmrsService {

	/** Deliveries matching {@code criteria}, newest first, one page of it. Never {@code null}. */
	@Authorized(WebhooksConstants.PRIV_GET_WEBHOOKS)
	Page<Delivery> searchDeliveries(DeliverySearch criteria);

	/** The delivery with its attempt log, or {@code null}. */
	@Authorized(WebhooksConstants.PRIV_GET_WEBHOOKS)
	Delivery getDeliveryByUuid(String uuid);

	/** Events matching {@code criteria}, newest first. Never {@code null}. */
	@Authorized(WebhooksConstants.PRIV_GET_WEBHOOKS)
	Page<Event> searchEvents(EventSearch criteria);

	/** The event, or {@code null}. */
	@Authorized(WebhooksConstants.PRIV_GET_WEBHOOKS)
	Event getEventByUuid(String uuid);

	/**
	 * Puts a delivery back in the queue for one attempt now (whatever its status; a delivered one is sent again).
	 *
	 * @throws TargetValidationException when there is no such delivery ({@code delivery})
	 */
	@Authorized(WebhooksConstants.PRIV_MANAGE_WEBHOOKS)
	Delivery retryDelivery(String deliveryUuid);

	/**
	 * Puts every FAILED or DEAD delivery of the target created at or after {@code since} back in the queue.
	 *
	 * @return how many were requeued
	 */
	@Authorized(WebhooksConstants.PRIV_MANAGE_WEBHOOKS)
	int retryFailed(String targetUuid, long since);

	/**
	 * Creates a new delivery to the target for every event that occurred at or after {@code since} and that the
	 * target's filters match today (a new target, or a receiver that lost data). Existing deliveries are left
	 * alone.
	 *
	 * @return how many deliveries were created
	 */
	@Authorized(WebhooksConstants.PRIV_MANAGE_WEBHOOKS)
	int replay(String targetUuid, long since);

	/** Queue depth, oldest pending age, counts and per-target figures. */
	@Authorized(WebhooksConstants.PRIV_GET_WEBHOOKS)
	DeliveryStats getStats();
}
