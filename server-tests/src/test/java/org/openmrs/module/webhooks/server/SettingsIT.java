package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Settings changed through REST in quick succession, as an administrator trying values does: each reads back at once
 * as set, and delivery afterwards follows the settings as they are (egress to the local receiver still allowed).
 * After the other cases, since a failure here may leave the engine with wrong settings.
 */
@Order(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsIT {

	private final Webhooks webhooks = new Webhooks();

	private Webhooks.Subscription target;

	private String originalName;

	@BeforeAll
	void subscribe() throws Exception {
		webhooks.allowLocalReceivers();
		target = webhooks.subscribe("e2e settings", "patient.*");
		originalName = webhooks.globalProperty("webhooks.instanceName");
	}

	@AfterAll
	void retire() {
		try {
			webhooks.readBackAtOnce("webhooks.instanceName", originalName == null ? "" : originalName);
		}
		finally {
			if (target != null) {
				target.close();
			}
		}
	}

	@Test
	@Order(1)
	void eachChangeReadsBackAtOnce() {
		String name = "webhooks.instanceName";
		for (String value : new String[] { "e2e-a", "e2e-b", "e2e-a", "e2e-a", "e2e-b", "e2e-b", "e2e-a" }) {
			assertThat(webhooks.readBackAtOnce(name, value)).as("%s read back right after setting it", name)
			        .isEqualTo(value);
		}
	}

	@Test
	@Order(2)
	void deliveryFollowsTheSettingsAfterTheChanges() throws Exception {
		webhooks.setGlobalProperty("webhooks.instanceName", "e2e-final");
		Rest.Answer test = webhooks.rest.post("/ws/rest/v1/webhooks/target/" + target.uuid + "/test", Rest.object());
		assertThat(test.status()).as(test.describe()).isEqualTo(200);
		assertThat(test.json().path("success").asBoolean()).as("test send after the changes: %s", test.body())
		        .isTrue();
		String p = webhooks.clinic.createPatient();
		Notification n = target.awaitAbout(p, 1).get(0);
		assertThat(n.body().path("source").path("instance").asText()).as("source.instance of a notification")
		        .isEqualTo("e2e-final");
		OfficialVerifier.assertVerified(target.secret, target.requestsAbout(p));
	}
}
