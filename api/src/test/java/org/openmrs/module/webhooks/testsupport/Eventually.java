package org.openmrs.module.webhooks.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds: the engine works on its own threads, or in its own process. */
public final class Eventually {

	private Eventually() {
	}

	public static void until(String what, Callable<Boolean> condition, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!Boolean.TRUE.equals(condition.call())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
			}
			Thread.sleep(10);
		}
	}

	/** With a generous 30 s: the machines are small and shared. */
	public static void until(String what, Callable<Boolean> condition) throws Exception {
		until(what, condition, Duration.ofSeconds(30));
	}
}
