package org.openmrs.module.webhooks.delivery;

import org.openmrs.module.webhooks.delivery.http.EgressPolicy;

/** Global properties as a test sets them. */
final class TestSettings implements WebhooksSettings {

	volatile boolean deliveryEnabled = true;

	volatile int workers = 4;

	volatile int retentionDays = 30;

	volatile String instanceName = "Test Clinic";

	/** Receivers in the tests listen on 127.0.0.1 over plain http. */
	volatile EgressPolicy egress = TestTransports.LOOPBACK;

	@Override
	public boolean deliveryEnabled() {
		return deliveryEnabled;
	}

	@Override
	public int workers() {
		return workers;
	}

	@Override
	public int retentionDays() {
		return retentionDays;
	}

	@Override
	public String instanceName() {
		return instanceName;
	}

	@Override
	public EgressPolicy egressPolicy() {
		return egress;
	}
}
