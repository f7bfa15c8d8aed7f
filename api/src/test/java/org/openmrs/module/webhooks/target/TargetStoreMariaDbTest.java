package org.openmrs.module.webhooks.target;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class TargetStoreMariaDbTest extends AbstractTargetStoreTest {

	@Override
	protected TestDatabase.Kind kind() {
		return TestDatabase.Kind.MARIADB;
	}
}
