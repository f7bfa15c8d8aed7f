package org.openmrs.module.webhooks.delivery;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class H2DeliveryEngineTest extends AbstractDeliveryEngineTest {

	@Override
	TestDatabase.Kind kind() {
		return TestDatabase.Kind.H2;
	}
}
