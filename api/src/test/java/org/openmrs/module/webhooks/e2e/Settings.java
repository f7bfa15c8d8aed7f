package org.openmrs.module.webhooks.e2e;

import org.openmrs.module.webhooks.delivery.WebhooksSettings;
import org.openmrs.module.webhooks.delivery.http.EgressPolicy;

/** The module's global properties as an administrator would set them for a receiver on 127.0.0.1 over http. */
final class Settings implements WebhooksSettings {

	static final String INSTANCE = "E2E Clinic";

	/** webhooks.egress.allowHttp=true, webhooks.egress.allowedCidrs=127.0.0.1/32 */
	static final EgressPolicy LOOPBACK_OVER_HTTP = EgressPolicy.parse(true, "127.0.0.1/32", "");

	@Override
	public boolean deliveryEnabled() {
		return true;
	}

	@Override
	public int workers() {
		return 2;
	}

	@Override
	public int retentionDays() {
		return 30;
	}

	@Override
	public String instanceName() {
		return INSTANCE;
	}

	@Override
	public EgressPolicy egressPolicy() {
		return LOOPBACK_OVER_HTTP;
	}
}
