package org.openmrs.module.webhooks.delivery;

/** A {@link WakeUp} for one JVM: a sticky flag under a monitor. */
public final class LatchWakeUp implements WakeUp {

	private boolean signalled;

	@Override
	public synchronized void signal() {
		signalled = true;
		notifyAll();
	}

	@Override
	public synchronized boolean await(long maxWaitMillis) throws InterruptedException {
		long deadline = System.nanoTime() + maxWaitMillis * 1_000_000L;
		while (!signalled) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000L));
		}
		signalled = false;
		return true;
	}
}
