package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * Configure: egress rules that allow a local receiver, then a target created through REST with {@code x-api-key}
 * auth and signing. The signing secret is shown once, in the create's answer, and never again; the API key comes
 * back masked. A test send reaches the receiver, signed.
 */
@Order(20)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigureIT {

	private final Webhooks webhooks = new Webhooks();

	private Webhooks.Subscription target;

	@BeforeAll
	void egressAllowsTheLocalReceiver() throws Exception {
		webhooks.allowLocalReceivers();
	}

	@AfterAll
	void retire() {
		if (target != null) {
			target.close();
		}
	}

	@Test
	@Order(1)
	void aTargetWithApiKeyAndSigningIsCreated() throws Exception {
		target = webhooks.subscribe("e2e configure", "patient.*");
		JsonNode created = target.created;
		assertThat(created.path("auth").path("type").asText()).isEqualTo("apiKey");
		assertThat(created.path("auth").path("headerName").asText()).isEqualTo("x-api-key");
		assertThat(created.path("signing").path("enabled").asBoolean()).isTrue();
		assertThat(target.secret).as("signing.newSecret in the create's answer").startsWith("whsec_");
		assertThat(created.toString()).as("the API key is never returned").doesNotContain(target.apiKey);
		assertThat(created.path("auth").path("value").asText()).startsWith("****");
	}

	@Test
	@Order(2)
	void theSecretIsShownOnceThenMasked() {
		for (String path : List.of("/ws/rest/v1/webhooktarget/" + target.uuid,
		    "/ws/rest/v1/webhooktarget/" + target.uuid + "?v=full", "/ws/rest/v1/webhooktarget?v=full")) {
			Rest.Answer a = webhooks.rest.get(path);
			assertThat(a.status()).as("GET %s: %s", path, a.describe()).isEqualTo(200);
			assertThat(a.body()).as(path).doesNotContain(target.secret).doesNotContain(target.secret.substring(6))
			        .doesNotContain(target.apiKey).doesNotContain("newSecret");
		}
		JsonNode read = webhooks.rest.get("/ws/rest/v1/webhooktarget/" + target.uuid).json();
		assertThat(read.path("auth").path("value").asText()).isEqualTo("****" + target.apiKey.substring(
		    target.apiKey.length() - 4));
		assertThat(read.path("signing").path("secretCount").asInt()).isEqualTo(1);
	}

	@Test
	@Order(3)
	void aTestSendArrivesSignedWithTheApiKey() throws Exception {
		Rest.Answer a = webhooks.rest.post("/ws/rest/v1/webhooks/target/" + target.uuid + "/test", Rest.object());
		assertThat(a.status()).as("test send: %s", a.describe()).isEqualTo(200);
		assertThat(a.json().path("success").asBoolean()).as(a.body()).isTrue();
		assertThat(a.json().path("statusCode").asInt()).isEqualTo(200);
		List<Receiver.Request> got = target.receiver.awaitCount(1, Duration.ofSeconds(30));
		assertThat(got).hasSize(1);
		assertThat(got.get(0).header("x-api-key")).isEqualTo(target.apiKey);
		assertThat(Notification.of(got.get(0)).type()).isEqualTo("webhooks.test");
		OfficialVerifier.assertVerified(target.secret, got);
	}
}
