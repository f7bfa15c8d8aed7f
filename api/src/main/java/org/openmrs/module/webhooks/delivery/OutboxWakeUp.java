package org.openmrs.module.webhooks.delivery;

import org.openmrs.module.webhooks.outbox.OutboxSignal;

/**
 * The engine's wake-up over capture's {@link OutboxSignal}: a commit that wrote events (or a manual retry /
 * replay) wakes the fan-out at once. One waiting thread (the fan-out) is assumed: it remembers the last
 * generation it saw, so a signal that arrives while it works is not lost.
 */
public final class OutboxWakeUp implements WakeUp {

	private final OutboxSignal signal;

	private long seen;

	public OutboxWakeUp(OutboxSignal signal) {
		this.signal = signal;
		this.seen = signal.generation();
	}

	@Override
	public void signal() {
		signal.signal();
	}

	@Override
	public synchronized boolean await(long maxWaitMillis) throws InterruptedException {
		long now = signal.await(seen, maxWaitMillis);
		boolean woken = now != seen;
		seen = now;
		return woken;
	}
}
