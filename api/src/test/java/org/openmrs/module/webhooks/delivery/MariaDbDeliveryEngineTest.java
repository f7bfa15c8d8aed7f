package org.openmrs.module.webhooks.delivery;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class MariaDbDeliveryEngineTest extends AbstractDeliveryEngineTest {

	@Override
	TestDatabase.Kind kind() {
		return TestDatabase.Kind.MARIADB;
	}
}
