package org.openmrs.module.webhooks.realcore.support;

import java.util.concurrent.Callable;

import org.openmrs.module.webhooks.delivery.DeliveryEngine;

/**
 * The module's delivery engine bean, started and stopped on threads of their own, as the module's background work
 * runs (never on the test's thread: that is {@code CallerThreadContextTest}'s subject), around some work.
 */
public final class Engine {

	private Engine() {
	}

	public static <T> T whileRunning(DeliveryEngine engine, Callable<T> work) throws Exception {
		OwnThread.call("engine-start", () -> {
			engine.start();
			return null;
		});
		try {
			return work.call();
		}
		finally {
			OwnThread.call("engine-stop", () -> {
				engine.stop();
				return null;
			});
		}
	}

	/** Polls {@code condition} every 50 ms for up to 30 s (small shared machines). */
	public static void await(String what, Callable<Boolean> condition) throws Exception {
		long deadline = System.currentTimeMillis() + 30_000;
		while (!Boolean.TRUE.equals(condition.call())) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("Timed out after 30 s waiting for: " + what);
			}
			Thread.sleep(50);
		}
	}
}
