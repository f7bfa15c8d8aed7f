package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Last: Tomcat is stopped with the module running. None of the module's threads keeps the JVM alive; and once Tomcat
 * has stopped the web application, no thread of the module is left at all (a thread left behind holds the web
 * application's class loader). When the JVM does not exit by itself (REST 3.4.1's executor keeps core 2.8.9's up),
 * {@code .ci/openmrs-server} takes a thread dump before it kills it. Needs a server this suite started; the server
 * stays stopped.
 */
@Order(70)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShutdownIT {

	private final Webhooks webhooks = new Webhooks();

	/** The module's threads in the dump taken after Tomcat stopped; empty when the JVM exited by itself. */
	private List<Harness.ThreadLine> ours;

	@Test
	@Order(1)
	void noThreadOfTheModuleKeepsTheJvmAlive() throws Exception {
		webhooks.harness.assumeOwned("stopping Tomcat and reading its threads");
		assertThat(webhooks.started()).as("the module runs when Tomcat is stopped").isTrue();
		List<Harness.ThreadLine> lingering = webhooks.harness.stopTomcat();
		if (lingering == null) {
			System.out.println("[e2e] the JVM exited by itself after Tomcat stopped");
			ours = List.of();
			return;
		}
		ours = lingering.stream().filter(t -> t.name().startsWith("webhooks-")).toList();
		System.out.println("[e2e] the JVM stayed up after Tomcat stopped; its non-daemon threads: "
		        + lingering.stream().filter(t -> !t.daemon()).map(Harness.ThreadLine::name).toList()
		        + "; the module's threads: " + ours);
		assertThat(ours.stream().filter(t -> !t.daemon()).toList())
		        .as("non-daemon threads of the module after Tomcat stopped").isEmpty();
	}

	@Test
	@Order(2)
	void noThreadOfTheModuleIsLeftAfterTheWebApplicationStopped() {
		webhooks.harness.assumeOwned("reading the threads after Tomcat stopped");
		assertThat(ours).as("the Tomcat stop of the case before ran").isNotNull();
		assertThat(ours).as("threads of the module left after Tomcat stopped the web application").isEmpty();
	}
}
