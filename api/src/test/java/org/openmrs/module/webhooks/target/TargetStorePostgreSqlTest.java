package org.openmrs.module.webhooks.target;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class TargetStorePostgreSqlTest extends AbstractTargetStoreTest {

	@Override
	protected TestDatabase.Kind kind() {
		return TestDatabase.Kind.POSTGRESQL;
	}
}
