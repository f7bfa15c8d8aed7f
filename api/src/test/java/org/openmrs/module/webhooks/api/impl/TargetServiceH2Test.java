package org.openmrs.module.webhooks.api.impl;

import org.openmrs.module.webhooks.testdb.TestDatabase;

class TargetServiceH2Test extends AbstractTargetServiceTest {

	@Override
	protected TestDatabase.Kind kind() {
		return TestDatabase.Kind.H2;
	}
}
