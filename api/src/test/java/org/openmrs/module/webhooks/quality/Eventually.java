package org.openmrs.module.webhooks.quality;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds: the engine works on its own threads, or in its own process. */
final class Eventually {

	private Eventually() {
	}

	static void until(String what, Callable<Boolean> condition, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!Boolean.TRUE.equals(condition.call())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
			}
			Thread.sleep(20);
		}
	}
}
