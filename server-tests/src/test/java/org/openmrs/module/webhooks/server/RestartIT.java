package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Restart: Tomcat restarted with the module installed, and again with deliveries pending (delivery paused by its
 * global property, as an administrator pauses it during a receiver's maintenance): OpenMRS comes up, the module
 * starts, and the pending deliveries go out once delivery is on again. Needs a server this suite started.
 */
@Order(40)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartIT {

	private final Webhooks webhooks = new Webhooks();

	private Webhooks.Subscription target;

	@BeforeAll
	void subscribe() throws Exception {
		webhooks.harness.assumeOwned("restarting Tomcat");
		webhooks.allowLocalReceivers();
		target = webhooks.subscribe("e2e restart", "patient.*");
	}

	@AfterAll
	void retire() throws Exception {
		if (target != null) {
			webhooks.setGlobalProperty("webhooks.delivery.enabled", "true");
			target.close();
		}
	}

	@Test
	@Order(1)
	void openmrsComesUpAfterARestartWithTheModule() throws Exception {
		assertThat(webhooks.started()).isTrue();
		long t0 = System.nanoTime();
		webhooks.harness.restart();
		System.out.printf("[e2e] restart with the module: %.1f s%n", (System.nanoTime() - t0) / 1e9);
		webhooks.awaitStarted();
		String p = webhooks.clinic.createPatient();
		List<Notification> got = target.awaitAbout(p, 1);
		assertThat(got.get(0).type()).isEqualTo("patient.created");
		OfficialVerifier.assertVerified(target.secret, target.requestsAbout(p));
	}

	@Test
	@Order(2)
	void pendingDeliveriesGoOutAfterARestart() throws Exception {
		webhooks.setGlobalProperty("webhooks.delivery.enabled", "false");
		String p = webhooks.clinic.createPatient();
		webhooks.clinic.editPatient(p);
		assertThat(webhooks.db.count("SELECT COUNT(*) FROM webhooks_event WHERE patient_uuid = ?", p))
		        .as("events captured while delivery is paused").isEqualTo(2);
		Thread.sleep(2000);
		assertThat(target.requestsAbout(p)).as("nothing goes out while delivery is paused").isEmpty();

		webhooks.harness.restart();
		webhooks.awaitStarted();
		assertThat(webhooks.globalProperty("webhooks.delivery.enabled")).isEqualTo("false");
		Thread.sleep(2000);
		assertThat(target.requestsAbout(p)).as("still paused after the restart").isEmpty();

		webhooks.setGlobalProperty("webhooks.delivery.enabled", "true");
		List<Notification> got = target.awaitAbout(p, 2);
		assertThat(got.stream().map(Notification::type).distinct().toList()).containsExactly("patient.created",
		    "patient.updated");
		OfficialVerifier.assertVerified(target.secret, target.requestsAbout(p));
	}
}
