package org.openmrs.module.webhooks.capture;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class H2CaptureTest extends OutboxScenarios {

	@Override
	TestDatabase.Kind kind() {
		return TestDatabase.Kind.H2;
	}
}
