package org.openmrs.module.webhooks.delivery;

/**
 * Wakes the delivery engine when there may be work: capture signals after an outbox commit, the engine itself
 * after it recorded outcomes. Bridged to capture's outbox signal at assembly time.
 */
public interface WakeUp {

	/** Never blocks; a signal given while nobody waits is kept for the next {@link #await}. */
	void signal();

	/**
	 * Waits until signalled or {@code maxWaitMillis} passed, and consumes the signal.
	 *
	 * @return whether a signal came
	 */
	boolean await(long maxWaitMillis) throws InterruptedException;
}
