package org.openmrs.module.webhooks.delivery;

import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.delivery.http.HttpTransport;
import org.openmrs.module.webhooks.payload.PayloadBuilder;
import org.openmrs.module.webhooks.payload.RepresentationProvider;

/**
 * Factory methods that moduleApplicationContext.xml calls to build the engine's collaborators from the
 * settings, so that global property changes (instance name, egress rules) apply without a restart.
 */
public final class DeliveryWiring {

	private DeliveryWiring() {
	}

	/** The pooled HTTP transport, checking every connection against the current egress rules. */
	public static HttpTransport transport(WebhooksSettings settings) {
		return HttpTransport.builder(settings::egressPolicy, WebhooksConstants.moduleVersion()).build();
	}

	/** The envelope builder: instance name from the settings, representations from the omod when it has them. */
	public static PayloadBuilder payloadBuilder(WebhooksSettings settings, RepresentationProvider representations) {
		return new PayloadBuilder(settings::instanceName, WebhooksConstants::moduleVersion, representations);
	}
}
