package org.openmrs.module.webhooks.realcore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openmrs.module.webhooks.realcore.support.CallerContext;
import org.openmrs.module.webhooks.realcore.support.EngineThreads;
import org.openmrs.module.webhooks.realcore.support.ModuleInstall;
import org.openmrs.web.test.jupiter.BaseModuleWebContextSensitiveTest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module in core's real test framework: core's Spring context with the module's moduleApplicationContext.xml and
 * the REST module's context (the web variant, so that every class of this suite shares one context in one JVM),
 * core's in-memory H2 database with its standard test dataset, the module's liquibase.xml applied by core.
 *
 * <p>No test-managed transaction: each service call commits on its own, as in a server, because capture writes
 * the outbox when a transaction commits. So rows stay between tests; tests read only the rows after a mark they
 * took, and use data they created.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class RealCoreTest extends BaseModuleWebContextSensitiveTest {

	@BeforeEach
	public void installModule() {
		ModuleInstall.ensure();
	}

	@AfterEach
	public void leaveNoBackgroundThreadsAndAWorkingThreadContext() {
		CallerContext.repair();
		EngineThreads.assertNoneRunning("after the test");
	}
}
