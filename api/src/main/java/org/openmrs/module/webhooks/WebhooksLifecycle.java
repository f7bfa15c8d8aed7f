package org.openmrs.module.webhooks;

/**
 * A background part of the module (the delivery workers, for instance) that the activator starts after
 * the module or the Spring context has started, and stops before the module stops or the context is
 * refreshed. Implementations are Spring beans of the module's application context.
 *
 * <p>Both methods are called on the activator's thread; they must not throw (a failure is logged by the
 * caller and the other parts still start or stop), and {@link #stop()} must return only once no thread of
 * the part is left running, so that a context refresh never sees two generations of workers.
 */
public interface WebhooksLifecycle {

	void start();

	void stop();
}
