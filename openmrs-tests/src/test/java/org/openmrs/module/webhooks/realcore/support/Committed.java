package org.openmrs.module.webhooks.realcore.support;

import java.util.function.Supplier;

import org.openmrs.api.context.Context;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work in a transaction of its own that commits when it returns, also where a test-managed transaction is open (the
 * REST module's inherited read tests run in one, which is rolled back): capture writes the outbox only on commit.
 */
public final class Committed {

	private Committed() {
	}

	public static <T> T call(Supplier<T> work) {
		TransactionTemplate tx = new TransactionTemplate(
		        Context.getRegisteredComponent("transactionManager", PlatformTransactionManager.class));
		tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return tx.execute(status -> work.get());
	}
}
