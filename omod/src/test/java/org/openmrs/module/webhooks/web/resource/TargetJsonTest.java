package org.openmrs.module.webhooks.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetState;
import org.openmrs.module.webhooks.target.TargetMasking;
import org.openmrs.module.webhooks.web.testing.Targets;

import com.fasterxml.jackson.databind.ObjectMapper;

class TargetJsonTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void properties_shouldListRefDefaultAndFullInOrder() {
		assertThat(TargetJson.properties("ref")).containsExactly("uuid", "display", "retired");
		assertThat(TargetJson.properties("default")).containsExactly("uuid", "display", "name", "description", "url",
		    "enabled", "eventTypes", "filters", "representation", "ordering", "batchSize", "maxConcurrency",
		    "timeoutSeconds", "maxAttempts", "auth", "headers", "signing", "health", "retired");
		assertThat(TargetJson.properties("full")).containsAll(TargetJson.properties("default"))
		        .endsWith("retireReason", "dateCreated", "dateChanged");
	}

	@Test
	void properties_shouldMakeEveryFieldOfProduct6Readable() {
		assertThat(TargetJson.properties("default")).contains("name", "description", "url", "enabled", "eventTypes",
		    "filters", "representation", "ordering", "batchSize", "maxConcurrency", "timeoutSeconds", "maxAttempts", "auth",
		    "headers", "signing", "health");
	}

	@Test
	void creatableProperties_shouldBeTheWritableFieldsOfProduct6() {
		assertThat(TargetJson.CREATABLE).containsExactly("name", "description", "url", "enabled", "eventTypes",
		    "filters", "representation", "ordering", "batchSize", "maxConcurrency", "timeoutSeconds", "maxAttempts", "auth",
		    "headers", "signing");
		assertThat(TargetJson.UPDATABLE).containsAll(TargetJson.CREATABLE).contains("retired");
		assertThat(TargetJson.CREATABLE).doesNotContain("health", "uuid", "retired");
	}

	@Test
	void represent_shouldWriteTheTargetAsProduct6Shows() throws Exception {
		Target t = Targets.full();
		t.setUuid("t-1");
		t.setBatchSize(5);
		t.getHealth().setState(TargetState.PAUSED);
		t.getHealth().setConsecutiveFailures(3);
		t.getHealth().setLastError("HTTP 503");
		t.getHealth().setLastSuccessAt(millis("2026-11-27T09:05:01.123Z"));

		Map<String, Object> json = TargetJson.represent(new WebhookTarget(TargetMasking.masked(t)), "default");

		assertThat(json).containsEntry("uuid", "t-1").containsEntry("display", "OpenFn LIME")
		        .containsEntry("url", "https://app.openfn.org/i/abc").containsEntry("enabled", true)
		        .containsEntry("representation", "none").containsEntry("ordering", "per-patient")
		        .containsEntry("batchSize", 5).containsEntry("maxConcurrency", 4).containsEntry("timeoutSeconds", 15)
		        .containsEntry("maxAttempts", 8).containsEntry("retired", false);
		assertThat(json.get("batchSize")).isInstanceOf(Integer.class);
		assertThat(json.get("eventTypes")).asList().containsExactly("patient.*", "encounter.created");
		assertThat(JSON.writeValueAsString(json.get("filters"))).isEqualTo(
		    "{\"encounterTypes\":[\"et-1\"],\"visitTypes\":[],\"concepts\":[],\"locations\":[\"loc-1\"],\"forms\":[]}");
		assertThat(JSON.writeValueAsString(json.get("auth")))
		        .isEqualTo("{\"type\":\"apiKey\",\"headerName\":\"x-api-key\",\"value\":\"****9876\"}");
		assertThat(JSON.writeValueAsString(json.get("headers"))).isEqualTo("{\"X-Custom\":\"****5555\"}");
		assertThat(JSON.writeValueAsString(json.get("health"))).isEqualTo("{\"state\":\"paused\",\"consecutiveFailures\":3,"
		        + "\"lastSuccessAt\":\"2026-11-27T09:05:01.123+0000\",\"lastFailureAt\":null,\"failingSince\":null,"
		        + "\"lastError\":\"HTTP 503\",\"pausedUntil\":null}");
	}

	@Test
	void represent_shouldNeverShowASigningSecretNorAClearCredential() throws Exception {
		Target t = Targets.full();
		t.getAuth().setType(TargetAuth.BASIC);
		t.getAuth().setUsername("openmrs");
		t.getAuth().setPassword("basic-password-1234");
		t.getSigningSecrets().add(new SigningSecret("whsec_c2VjcmV0LXNpZ25pbmcta2V5", millis("2026-11-01T00:00:00Z"),
		        millis("2026-11-02T00:00:00Z")));

		String json = JSON.writeValueAsString(TargetJson.represent(new WebhookTarget(t), "full"));

		assertThat(json).doesNotContain("whsec_", "c2VjcmV0", "basic-password", "apikey-secret", "custom-header-secret")
		        .contains("\"password\":\"****1234\"")
		        .contains("\"signing\":{\"enabled\":true,\"secretCount\":1,\"secrets\":[{\"createdAt\":"
		                + "\"2026-11-01T00:00:00.000+0000\",\"expiresAt\":\"2026-11-02T00:00:00.000+0000\"}]}");
	}

	@Test
	void signing_shouldCarryTheNewSecretOnlyOnTheObjectASaveReturned() {
		WebhookTarget read = new WebhookTarget(Targets.full());
		WebhookTarget saved = new WebhookTarget(Targets.full());
		saved.setNewSecret("whsec_bmV3");

		assertThat(signing(read)).doesNotContainKey("newSecret");
		assertThat(signing(saved)).containsEntry("newSecret", "whsec_bmV3");
	}

	@Test
	void auth_shouldShowTheFieldsOfItsTypeOnly() {
		TargetAuth auth = new TargetAuth();
		auth.setUsername("left-over");
		auth.setToken("bearer-token-abcdefgh");

		assertThat(TargetJson.auth(auth)).containsOnlyKeys("type").containsEntry("type", "none");
		auth.setType(TargetAuth.BEARER);
		assertThat(TargetJson.auth(auth)).containsOnlyKeys("type", "token").containsEntry("token", "****efgh");
		auth.setType(TargetAuth.BASIC);
		assertThat(TargetJson.auth(auth)).containsOnlyKeys("type", "username", "password").containsEntry("password", null);
	}

	@Test
	void get_shouldWriteTimesAsIsoAndNeverAsNull() {
		Target t = new Target();
		t.setDateCreated(millis("2026-11-27T09:00:00Z"));

		assertThat(TargetJson.get(new WebhookTarget(t), "dateCreated")).isEqualTo("2026-11-27T09:00:00.000+0000");
		assertThat(TargetJson.get(new WebhookTarget(t), "dateChanged")).isNull();
	}

	@Test
	void get_shouldRefuseAPropertyItDoesNotHave() {
		assertThatThrownBy(() -> TargetJson.get(new WebhookTarget(new Target()), "secret"))
		        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
	}

	@Test
	void mask_shouldShowAtMostTheLastFourCharactersOfLongSecrets() {
		assertThat(Masks.mask(null)).isNull();
		assertThat(Masks.mask("")).isNull();
		assertThat(Masks.mask("short")).isEqualTo("****");
		assertThat(Masks.mask("a-long-secret-WXYZ")).isEqualTo("****WXYZ");
		assertThat(Masks.mask("****WXYZ")).isEqualTo("****WXYZ");
		assertThat(Masks.mask("****more-than-four")).isEqualTo("****");
	}

	static long millis(String instant) {
		return java.time.Instant.parse(instant).toEpochMilli();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> signing(WebhookTarget t) {
		return (Map<String, Object>) TargetJson.get(t, "signing");
	}
}
