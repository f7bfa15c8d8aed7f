package org.openmrs.module.webhooks.outbox;

/**
 * In-process wake-up from capture (after a commit that wrote events) to the delivery workers, so they start at
 * once instead of at their next poll. Lossless: a signal raised while no one waits is seen by the next
 * {@link #await} of every waiter that passes the generation it last saw. Thread-safe.
 *
 * <pre>
 * long seen = signal.generation();
 * for (;;) { ... work ...; seen = signal.await(seen, 1000); }
 * </pre>
 */
public final class OutboxSignal {

	private final Object lock = new Object();

	private long generation;

	/** Wakes every waiter. Cheap: no I/O, one short lock. */
	public void signal() {
		synchronized (lock) {
			generation++;
			lock.notifyAll();
		}
	}

	/** The number of signals raised so far. */
	public long generation() {
		synchronized (lock) {
			return generation;
		}
	}

	/**
	 * Waits until a signal newer than {@code seen} has been raised, or {@code maxWaitMillis} have passed;
	 * returns at once when one already has.
	 *
	 * @return the current generation, to pass to the next call
	 * @throws InterruptedException when the waiting thread is interrupted (e.g. the workers are stopping)
	 */
	public long await(long seen, long maxWaitMillis) throws InterruptedException {
		long deadline = System.nanoTime() + maxWaitMillis * 1_000_000L;
		synchronized (lock) {
			while (generation == seen) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				lock.wait(Math.max(1, left / 1_000_000L));
			}
			return generation;
		}
	}
}
