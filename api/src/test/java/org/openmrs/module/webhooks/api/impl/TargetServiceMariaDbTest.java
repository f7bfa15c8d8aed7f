package org.openmrs.module.webhooks.api.impl;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class TargetServiceMariaDbTest extends AbstractTargetServiceTest {

	@Override
	protected TestDatabase.Kind kind() {
		return TestDatabase.Kind.MARIADB;
	}
}
