package org.openmrs.module.webhooks.realcore.support;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The module's background threads (delivery engine, capture-failure recorder, engine restarts). Core's test
 * framework never calls the activator, so none should run unless a test started them; a test that did must stop
 * them before it ends. The HTTP transport's deadline timer is not among them: it belongs to the transport bean and
 * lives as long as the Spring context.
 */
public final class EngineThreads {

	private EngineThreads() {
	}

	public static List<String> running() {
		return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
		        .filter(n -> n.startsWith("webhooks-") && !n.equals("webhooks-http-deadline")).sorted()
		        .collect(Collectors.toList());
	}

	public static void assertNoneRunning(String when) {
		List<String> running = running();
		if (!running.isEmpty()) {
			throw new AssertionError("Webhooks background threads still running " + when + ": " + running);
		}
	}
}
