package org.openmrs.module.webhooks.delivery;

/** Global properties as a test sets them. */
final class TestSettings implements WebhooksSettings {

	volatile boolean deliveryEnabled = true;

	volatile int workers = 4;

	volatile int retentionDays = 30;

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
}
