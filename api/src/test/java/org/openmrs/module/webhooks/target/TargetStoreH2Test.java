package org.openmrs.module.webhooks.target;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class TargetStoreH2Test extends AbstractTargetStoreTest {

	@Override
	protected TestDatabase.Kind kind() {
		return TestDatabase.Kind.H2;
	}
}
