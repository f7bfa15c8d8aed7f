package org.openmrs.module.webhooks.realcore.support;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The module's background threads (delivery engine, capture-failure recorder, engine restarts, short-lived threads
 * the module runs work on): all named {@code webhooks-…}. Core's test framework never calls the activator, so none
 * should outlive a test unless a test started them; a test that did must stop them before it ends. Not among them:
 * the HTTP transport's threads ({@code webhooks-http-…}, its deadline timer and idle-connection evictor), which
 * belong to the transport bean and live as long as the Spring context.
 */
public final class EngineThreads {

	private EngineThreads() {
	}

	public static List<String> running() {
		return threads().stream().map(Thread::getName).sorted().collect(Collectors.toList());
	}

	/** Fails naming the threads still alive after giving each up to 2 s to end (a short-lived one may be finishing). */
	public static void assertNoneRunning(String when) {
		for (Thread t : threads()) {
			try {
				t.join(2_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		List<String> running = running();
		if (!running.isEmpty()) {
			throw new AssertionError("Webhooks background threads still running " + when + ": " + running);
		}
	}

	private static List<Thread> threads() {
		return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
		        .filter(t -> t.getName().startsWith("webhooks-") && !t.getName().startsWith("webhooks-http-"))
		        .collect(Collectors.toList());
	}
}
