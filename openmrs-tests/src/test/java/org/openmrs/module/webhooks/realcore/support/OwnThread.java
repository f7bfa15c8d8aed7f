package org.openmrs.module.webhooks.realcore.support;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** Runs work on a new thread and gives back its result or its failure, as the module's own threads would see core. */
public final class OwnThread {

	private OwnThread() {
	}

	public static <T> T call(String name, Callable<T> work) throws Exception {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread t = new Thread(() -> {
			try {
				result.set(work.call());
			}
			catch (Throwable e) {
				failure.set(e);
			}
		}, name);
		t.start();
		t.join(120_000);
		if (t.isAlive()) {
			throw new AssertionError(name + " did not finish within 2 minutes");
		}
		Throwable e = failure.get();
		if (e instanceof Exception) {
			throw (Exception) e;
		}
		if (e instanceof Error) {
			throw (Error) e;
		}
		return result.get();
	}
}
