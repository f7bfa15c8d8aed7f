package org.openmrs.module.webhooks.web.testing;

import org.openmrs.module.webhooks.web.WebhooksServices;

/**
 * The services the REST tests run against. Today in memory; when the H2-backed implementations are merged,
 * build them here and every REST test runs against them.
 */
public final class TestServices {

	public final InMemoryTargetService targets = new InMemoryTargetService();

	public final InMemoryDeliveryService deliveries = new InMemoryDeliveryService();

	public WebhooksServices services() {
		return WebhooksServices.of(targets, deliveries);
	}
}
