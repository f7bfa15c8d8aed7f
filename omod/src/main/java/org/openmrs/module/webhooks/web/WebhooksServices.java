package org.openmrs.module.webhooks.web;

import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.TargetService;

/**
 * The module's services as the REST layer reaches them. The REST module builds resources with a no-arg
 * constructor (no Spring injection), so production looks the services up in OpenMRS's {@code Context} on each
 * call (they are replaced on a context refresh); tests hand in their own.
 */
public interface WebhooksServices {

	TargetService targets();

	DeliveryService deliveries();

	static WebhooksServices fromContext() {
		return new ContextServices();
	}

	static WebhooksServices of(final TargetService targets, final DeliveryService deliveries) {
		return new WebhooksServices() {

			@Override
			public TargetService targets() {
				return targets;
			}

			@Override
			public DeliveryService deliveries() {
				return deliveries;
			}
		};
	}
}
