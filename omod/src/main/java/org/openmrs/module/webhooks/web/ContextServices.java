package org.openmrs.module.webhooks.web;

import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.TargetService;

/** The services registered with OpenMRS, looked up per call: a context refresh replaces them. */
final class ContextServices implements WebhooksServices {

	@Override
	public TargetService targets() {
		return Context.getService(TargetService.class);
	}

	@Override
	public DeliveryService deliveries() {
		return Context.getService(DeliveryService.class);
	}
}
