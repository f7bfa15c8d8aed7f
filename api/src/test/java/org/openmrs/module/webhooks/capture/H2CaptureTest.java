package org.openmrs.module.webhooks.capture;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class H2CaptureTest extends CaptureScenarios {

	@Override
	TestDatabase.Kind kind() {
		return TestDatabase.Kind.H2;
	}
}
