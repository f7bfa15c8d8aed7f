package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Last: Tomcat is stopped with the module running, and none of the module's threads keeps the JVM alive (when the JVM
 * stays up, something else holds it: REST 3.4.1's executor on core 2.8.9; its thread dump must show no thread of the
 * module). Needs a server this suite started; the server stays stopped.
 */
@org.junit.jupiter.api.Order(70)
class ShutdownIT {

	private final Webhooks webhooks = new Webhooks();

	@Test
	void tomcatStopsWithTheModuleRunning() throws Exception {
		webhooks.harness.assumeOwned("stopping Tomcat and reading its threads");
		assertThat(webhooks.started()).as("the module runs when Tomcat is stopped").isTrue();
		List<Harness.ThreadLine> lingering = webhooks.harness.stopTomcat();
		if (lingering == null) {
			System.out.println("[e2e] the JVM exited by itself after Tomcat stopped");
			return;
		}
		List<Harness.ThreadLine> ours = lingering.stream().filter(t -> t.name().startsWith("webhooks-")).toList();
		System.out.println("[e2e] the JVM stayed up after Tomcat stopped; its non-daemon threads: "
		        + lingering.stream().filter(t -> !t.daemon()).map(Harness.ThreadLine::name).toList()
		        + "; the module's threads: " + ours);
		SoftAssertions soft = new SoftAssertions();
		soft.assertThat(ours.stream().filter(t -> !t.daemon()).toList())
		        .as("non-daemon threads of the module (they keep the JVM alive) after Tomcat stopped").isEmpty();
		soft.assertThat(ours).as("threads of the module still there after Tomcat stopped the web application").isEmpty();
		soft.assertAll();
	}
}
