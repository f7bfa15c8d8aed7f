package org.openmrs.module.webhooks.capture;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class MariaDbCaptureTest extends OutboxScenarios {

	@Override
	TestDatabase.Kind kind() {
		return TestDatabase.Kind.MARIADB;
	}
}
