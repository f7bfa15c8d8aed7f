package org.openmrs.module.webhooks.delivery;

import org.openmrs.module.webhooks.testdb.TestDatabase;

/**
 * The delivery engine on H2 1.4.200, the H2 of OpenMRS core 2.5 to 2.8: no SKIP LOCKED there, so the fan-out locks
 * with a plain FOR UPDATE and the claim is the optimistic one.
 */
class H2Version1DeliveryEngineTest extends AbstractDeliveryEngineTest {

	@Override
	TestDatabase.Kind kind() {
		return TestDatabase.Kind.H2_1_4;
	}
}
